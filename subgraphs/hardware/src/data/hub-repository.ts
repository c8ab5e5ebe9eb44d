import { appendToOutbox, ConflictError, groupBy } from '@switchyard/shared';
import type { Hub as HubRow, PrismaClient } from '../generated/prisma/client.ts';
import { hubStatusChanged } from '../domain/hub-events.ts';
import type { Hub, HubStatus } from '../domain/types.ts';
import type { HubRepository, HubSecrets, NewHub } from './repositories.ts';

export function createHubRepository(db: PrismaClient, onCommitted: () => void): HubRepository {
  return {
    async create(hub: NewHub): Promise<Hub> {
      try {
        return toHub(await db.hub.create({ data: hub }));
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002')
          throw new ConflictError('This Maker API app (base URL and app id) is already registered', {
            field: 'input.appId',
          });
        throw error;
      }
    },

    async findById(id: string): Promise<Hub | null> {
      const row = await db.hub.findUnique({ where: { id } });
      return row ? toHub(row) : null;
    },

    async findManyByIds(ids: readonly string[]): Promise<Hub[]> {
      return (await db.hub.findMany({ where: { id: { in: [...ids] } } })).map(toHub);
    },

    async list(): Promise<Hub[]> {
      return (await db.hub.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })).map(toHub);
    },

    async listByStores(storeIds: readonly string[]): Promise<Map<string, Hub[]>> {
      const rows = await db.hub.findMany({
        where: { storeId: { in: [...storeIds] } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
      return groupBy(rows.map(toHub), (hub) => hub.storeId!);
    },

    count: () => db.hub.count(),

    async secretsOf(id: string): Promise<HubSecrets | null> {
      return db.hub.findUnique({
        where: { id },
        select: { accessTokenEncrypted: true, webhookSecretHash: true, webhookGeneration: true },
      });
    },

    async delete(id: string): Promise<boolean> {
      return (await db.hub.deleteMany({ where: { id } })).count > 0;
    },

    // The row is locked first, so concurrent observers (a command and the poll) report one change, not two.
    async setStatus(id: string, status: HubStatus, reason: string, now: Date): Promise<boolean> {
      const changed = await db.$transaction(async (tx) => {
        const [current] = await tx.$queryRawUnsafe<{ status: HubStatus; name: string; storeId: string | null }[]>(
          `SELECT "status", "name", "storeId" FROM "Hub" WHERE "id" = $1::uuid FOR UPDATE`,
          id,
        );
        const seen = status === 'ONLINE' ? { lastSeenAt: now } : {};
        if (!current || current.status === status) {
          if (current && status === 'ONLINE') await tx.hub.update({ where: { id }, data: seen });
          return false;
        }
        await tx.hub.update({ where: { id }, data: { status, ...seen } });
        await appendToOutbox(
          tx,
          hubStatusChanged({
            hubId: id,
            hubName: current.name,
            storeId: current.storeId,
            status,
            previousStatus: current.status,
            reason,
            changedAt: now.toISOString(),
          }),
        );
        return true;
      });
      if (changed) onCommitted();
      return changed;
    },

    async setMode(id: string, mode: string | null): Promise<void> {
      await db.hub.updateMany({ where: { id }, data: { mode } });
    },

    // Rows locked by another replica's claim are skipped (FOR UPDATE SKIP LOCKED), so replicas
    // share the hubs and never poll one hub at the same time.
    async claimDue(limit: number, intervalMs: number, now: Date): Promise<string[]> {
      return db.$transaction(async (tx) => {
        const due = await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id" FROM "Hub" WHERE "nextPollAt" <= $1 ORDER BY "nextPollAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
          now,
          limit,
        );
        if (due.length === 0) return [];
        const ids = due.map((row) => row.id);
        await tx.hub.updateMany({
          where: { id: { in: ids } },
          data: { nextPollAt: new Date(now.getTime() + intervalMs) },
        });
        return ids;
      });
    },
  };
}

function toHub(row: HubRow): Hub {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.baseUrl,
    appId: row.appId,
    storeId: row.storeId,
    status: row.status,
    mode: row.mode,
    lastSeenAt: row.lastSeenAt,
    lastEventAt: row.lastEventAt,
    createdAt: row.createdAt,
  };
}
