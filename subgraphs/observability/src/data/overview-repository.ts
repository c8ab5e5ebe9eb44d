import type { PrismaClient } from '../generated/prisma/client.ts';

/** Breakers, hubs and stores as this subgraph's projections hold them, for the overview and alerts. */
export function createOverviewRepository(db: PrismaClient) {
  return {
    breakers: () => db.circuitBreaker.findMany({ orderBy: [{ service: 'asc' }, { name: 'asc' }] }),
    hubs: () => db.hub.findMany(),
    countHubs: (status: string) => db.hub.count({ where: { status } }),
    async storesByStatus() {
      const groups = await db.storeSnapshot.groupBy({ by: ['status'], _count: true, orderBy: { status: 'asc' } });
      return groups.map((g) => ({ status: g.status, count: g._count }));
    },
  };
}

export type OverviewRepository = ReturnType<typeof createOverviewRepository>;
