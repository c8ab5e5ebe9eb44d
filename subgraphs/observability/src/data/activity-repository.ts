import { appendToOutbox, decodeCursor, encodeCursor, type DomainEvent, type RawSqlClient } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { toActivity, type Activity, type ActivityFilter, type ActivityReader } from '../domain/activity.ts';
import { activityAdded } from '../domain/events.ts';
import type { ActivityRepository } from './repositories.ts';

/**
 * The activity feed and the projections the overview and alerts read (stores by status, hubs,
 * breakers), all written from other subgraphs' events. An event is applied once: the feed row,
 * keyed by the event id, is inserted first and everything else happens only if it was new.
 */
export function createActivityRepository(db: PrismaClient, afterCommit: () => void): ActivityRepository {
  return {
    /** Stores the events not seen before; returns how many were new. */
    async ingest(source: string, events: DomainEvent[]): Promise<number> {
      let added = 0;
      for (const event of events) {
        const entry = toActivity(source, event);
        const isNew = await db.$transaction(async (tx) => {
          const inserted = await tx.$executeRawUnsafe(
            `INSERT INTO "ActivityEntry" ("id", "source", "type", "aggregateType", "aggregateId", "storeId", "actorKind", "actorId", "payload", "occurredAt", "householdId", "adminOnly")
             VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12) ON CONFLICT ("id") DO NOTHING`,
            entry.id,
            entry.source,
            entry.type,
            entry.aggregateType,
            entry.aggregateId,
            entry.storeId,
            entry.actorKind,
            entry.actorId,
            JSON.stringify(entry.payload ?? null),
            entry.occurredAt,
            entry.householdId,
            entry.adminOnly,
          );
          if (inserted === 0) return false;
          await project(tx, event);
          await appendToOutbox(tx as RawSqlClient, activityAdded(entry.id));
          return true;
        });
        if (isNew) added += 1;
      }
      if (added > 0) afterCommit();
      return added;
    },

    cursorOf: async (source: string) => (await db.eventCursor.findUnique({ where: { source } }))?.after ?? null,
    async saveCursor(source: string, after: Date) {
      await db.eventCursor.upsert({ where: { source }, create: { source, after }, update: { after } });
    },

    findById: async (id: string) => (await db.activityEntry.findUnique({ where: { id } })) as Activity | null,

    async page(filter: ActivityFilter, reader: ActivityReader, size: number, after: string | null) {
      const where: Prisma.ActivityEntryWhereInput = { AND: [whereOf(filter), audienceOf(reader)] };
      const cursor = after ? decodeCursor(after) : null;
      const keyset: Prisma.ActivityEntryWhereInput = cursor
        ? {
            OR: [
              { occurredAt: { lt: new Date(String(cursor[0])) } },
              { occurredAt: new Date(String(cursor[0])), id: { lt: String(cursor[1]) } },
            ],
          }
        : {};
      const [rows, total] = await Promise.all([
        db.activityEntry.findMany({
          where: { AND: [where, keyset] },
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
          take: size + 1,
        }),
        db.activityEntry.count({ where }),
      ]);
      return { rows: rows as Activity[], total };
    },

    cursorFor: (entry: Activity) => encodeCursor([entry.occurredAt.toISOString(), entry.id]),

    countSince: (since: Date) => db.activityEntry.count({ where: { occurredAt: { gt: since } } }),
  };
}

/** What `reader` may see (the SQL twin of domain/activity.ts's visibleTo). */
function audienceOf(reader: ActivityReader): Prisma.ActivityEntryWhereInput {
  return {
    ...(reader.isAdmin ? {} : { adminOnly: false }),
    OR: [{ householdId: null }, ...(reader.householdId ? [{ householdId: reader.householdId }] : [])],
  };
}

function whereOf(filter: ActivityFilter): Prisma.ActivityEntryWhereInput {
  return {
    ...(filter.kinds?.length ? { type: { in: filter.kinds } } : {}),
    ...(filter.storeId ? { storeId: filter.storeId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.from || filter.to
      ? { occurredAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
  };
}

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** Keeps the projections current. Events may arrive out of order across sources, so each keeps the latest by time. */
async function project(tx: Tx, event: DomainEvent): Promise<void> {
  const payload = event.payload as Record<string, unknown>;
  const at = new Date(event.occurredAt);
  if (event.aggregateType === 'Store') {
    if (event.type === 'StoreDeleted') await tx.storeSnapshot.deleteMany({ where: { id: event.aggregateId } });
    else if (typeof payload.status === 'string') {
      await tx.storeSnapshot.upsert({
        where: { id: event.aggregateId },
        create: { id: event.aggregateId, status: payload.status },
        update: { status: payload.status },
      });
    }
  } else if (event.type === 'HubStatusChanged') {
    const changedAt = typeof payload.changedAt === 'string' ? new Date(payload.changedAt) : at;
    const row = {
      storeId: (payload.storeId as string | null) ?? null,
      status: String(payload.status),
      reason: (payload.reason as string | null) ?? null,
      changedAt,
    };
    await tx.hub.upsert({ where: { id: event.aggregateId }, create: { id: event.aggregateId, ...row }, update: row });
  } else if (event.type === 'CircuitBreakerStateChanged') {
    const key = { service: String(payload.service), name: String(payload.name) };
    const row = {
      state: String(payload.state),
      failures: Number(payload.failures ?? 0),
      lastChangeAt: typeof payload.changedAt === 'string' ? new Date(payload.changedAt) : at,
    };
    const current = await tx.circuitBreaker.findUnique({ where: { service_name: key } });
    if (!current || current.lastChangeAt <= row.lastChangeAt) {
      await tx.circuitBreaker.upsert({ where: { service_name: key }, create: { ...key, ...row }, update: row });
    }
  }
}
