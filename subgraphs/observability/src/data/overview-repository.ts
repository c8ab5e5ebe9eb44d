import type { CircuitBreakerList } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { OverviewRepository } from './repositories.ts';

export function createOverviewRepository(db: PrismaClient): OverviewRepository {
  return {
    breakers: () => db.circuitBreaker.findMany({ orderBy: [{ service: 'asc' }, { name: 'asc' }] }),

    syncBreakers: (service: string, list: CircuitBreakerList) =>
      db.$transaction(async (tx) => {
        const at = new Date(list.at);
        const rows = await tx.circuitBreaker.findMany({ where: { service } });
        const current = new Map(rows.map((row) => [row.name, row]));
        for (const breaker of list.breakers.filter((b) => b.service === service)) {
          const since = new Date(breaker.since);
          const row = { state: breaker.state, failures: breaker.failures, lastChangeAt: since };
          const known = current.get(breaker.name);
          current.delete(breaker.name);
          if (known && known.lastChangeAt > since) continue;
          await tx.circuitBreaker.upsert({
            where: { service_name: { service, name: breaker.name } },
            create: { service, name: breaker.name, ...row },
            update: row,
          });
        }
        const gone = [...current.values()].filter((row) => row.lastChangeAt < at).map((row) => row.name);
        if (gone.length > 0) await tx.circuitBreaker.deleteMany({ where: { service, name: { in: gone } } });
      }),
    breaker: (service: string, name: string) =>
      db.circuitBreaker.findUnique({ where: { service_name: { service, name } } }),
    resetBreaker: (service: string, name: string, at: Date) => {
      const row = { state: 'CLOSED', failures: 0, lastChangeAt: at };
      return db.circuitBreaker.upsert({
        where: { service_name: { service, name } },
        create: { service, name, ...row },
        update: row,
      });
    },
    hubs: () => db.hub.findMany(),
    countHubs: (status: string) => db.hub.count({ where: { status } }),
    async storesByStatus() {
      const groups = await db.storeSnapshot.groupBy({ by: ['status'], _count: true, orderBy: { status: 'asc' } });
      return groups.map((g) => ({ status: g.status, count: g._count }));
    },
  };
}
