import { appendToOutbox, type NewDomainEvent } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { HubEventKind, HubVariableType } from '../domain/hub-controls.ts';
import type { HubEventRecord, HubEventRepository } from './repositories.ts';

/** The outbox aggregate of hub-level events (not `Hub`: hubStatusChanged subscribers read that one). */
export const HUB_EVENT_AGGREGATE = 'HubEvent';

export interface HubEventRecordedPayload {
  eventId: string;
  hubId: string;
  /** The hub's name and store when it happened, so the event reads on its own (activity feed, alerts). */
  hubName: string;
  storeId: string | null;
  kind: HubEventKind;
  name: string;
  value: string | null;
  receivedAt: string;
}

export function createHubEventRepository(db: PrismaClient, onCommitted: () => void): HubEventRepository {
  const toRecord = (row: {
    id: string;
    hubId: string;
    kind: string;
    name: string;
    value: string | null;
    receivedAt: Date;
  }): HubEventRecord => ({ ...row, kind: row.kind as HubEventKind });

  return {
    async record(hubId, events, at, types = new Map()) {
      if (events.length === 0) return [];
      const stored = await db.$transaction(async (tx) => {
        // Locked so that a read-back and a pushed event deciding the same change record it once.
        const [hub] = await tx.$queryRawUnsafe<
          { name: string; storeId: string | null; mode: string | null; hsmStatus: string | null }[]
        >(`SELECT "name", "storeId", "mode", "hsmStatus" FROM "Hub" WHERE "id" = $1::uuid FOR UPDATE`, hubId);
        if (!hub) return [];
        const variables = new Map(
          (await tx.hubVariable.findMany({ where: { hubId } })).map((v) => [v.name, v] as const),
        );
        const result: HubEventRecord[] = [];
        for (const event of events) {
          if (event.kind === 'MODE') {
            if (hub.mode === event.value) continue;
            hub.mode = event.value;
            await tx.hub.update({ where: { id: hubId }, data: { mode: event.value } });
          } else if (event.kind === 'HSM_STATUS') {
            if (hub.hsmStatus === event.value) continue;
            hub.hsmStatus = event.value;
            await tx.hub.update({ where: { id: hubId }, data: { hsmStatus: event.value } });
          } else if (event.kind === 'VARIABLE') {
            const known = variables.get(event.name);
            if (known && known.value === event.value) continue;
            const type = known?.type ?? types.get(event.name) ?? 'String';
            const row = await tx.hubVariable.upsert({
              where: { hubId_name: { hubId, name: event.name } },
              create: { hubId, name: event.name, type, value: event.value, updatedAt: at },
              update: { value: event.value, updatedAt: at },
            });
            variables.set(event.name, row);
          }
          const row = toRecord(
            await tx.hubEvent.create({
              data: { hubId, kind: event.kind, name: event.name, value: event.value, receivedAt: at },
            }),
          );
          result.push(row);
          await appendToOutbox(tx, hubEventRecorded({ ...row, hubName: hub.name, storeId: hub.storeId }));
        }
        return result;
      });
      if (stored.length > 0) onCommitted();
      return stored;
    },

    async forgetVariablesExcept(hubId, names) {
      await db.hubVariable.deleteMany({ where: { hubId, name: { notIn: [...names] } } });
    },

    async recent(hubId, limit) {
      const rows = await db.hubEvent.findMany({
        where: { hubId },
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
        take: limit,
      });
      return rows.map(toRecord);
    },

    async hsmStatus(hubId) {
      return (await db.hub.findUnique({ where: { id: hubId }, select: { hsmStatus: true } }))?.hsmStatus ?? null;
    },

    async variables(hubId) {
      const rows = await db.hubVariable.findMany({ where: { hubId }, orderBy: { name: 'asc' } });
      return rows.map((row) => ({ ...row, type: row.type as HubVariableType }));
    },
  };
}

function hubEventRecorded(
  row: HubEventRecord & { hubName: string; storeId: string | null },
): NewDomainEvent<HubEventRecordedPayload> {
  return {
    type: 'HubEventRecorded',
    aggregateType: HUB_EVENT_AGGREGATE,
    aggregateId: row.hubId,
    actor: { kind: 'system', id: null },
    payload: {
      eventId: row.id,
      hubId: row.hubId,
      hubName: row.hubName,
      storeId: row.storeId,
      kind: row.kind,
      name: row.name,
      value: row.value,
      receivedAt: row.receivedAt.toISOString(),
    },
  };
}
