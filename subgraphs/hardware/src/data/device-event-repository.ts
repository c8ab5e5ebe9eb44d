import { randomUUID } from 'node:crypto';
import { appendManyToOutbox, decodeCursor, encodeCursor } from '@switchyard/shared';
import type { DeviceEvent as DeviceEventRow, PrismaClient } from '../generated/prisma/client.ts';
import {
  decideAttributeEvents,
  deviceEventReceived,
  type AttributeState,
  type IncomingDeviceEvent,
  type IngestOutcome,
} from '../domain/device-event.ts';
import type { CommandSender, DeviceEvent, DeviceEventSource } from '../domain/types.ts';
import { rollUp } from '../domain/attribute-history.ts';
import { UPSERT_HOURS, upsertHoursParams } from './attribute-history-repository.ts';
import { TOUCH_DEVICES, TOUCH_HUBS } from './hub-diagnostics-repository.ts';
import type { DeviceEventRepository, SentCommand } from './repositories.ts';

/**
 * Locks the batch's attribute rows, so a replica receiving the same resend at the same moment
 * waits and then sees this batch's hash (and stores it as a duplicate, not twice).
 */
const LOCK_ATTRIBUTES = `
  SELECT a."deviceId", a."name", a."lastEventHash", a."updatedAt" FROM "DeviceAttribute" a
  JOIN unnest($1::uuid[], $2::text[]) AS k("deviceId", "name") ON a."deviceId" = k."deviceId" AND a."name" = k."name"
  FOR UPDATE OF a`;

const UPSERT_ATTRIBUTES = `
  INSERT INTO "DeviceAttribute" ("deviceId", "name", "value", "unit", "updatedAt", "lastEventHash")
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamp(3)[], $6::text[])
  ON CONFLICT ("deviceId", "name") DO UPDATE SET
    "value" = EXCLUDED."value",
    "unit" = COALESCE(EXCLUDED."unit", "DeviceAttribute"."unit"),
    "updatedAt" = EXCLUDED."updatedAt",
    "lastEventHash" = EXCLUDED."lastEventHash"`;

const INSERT_HISTORY = `
  INSERT INTO "DeviceEvent" ("id", "deviceId", "name", "value", "unit", "description", "source", "receivedAt")
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp(3)[])`;

export function createDeviceEventRepository(
  db: PrismaClient,
  onCommitted: () => void,
  dedupeWindowMs: number,
): DeviceEventRepository {
  return {
    /**
     * One transaction with a fixed number of statements however large the batch is (multi-row
     * statements over unnest: far cheaper than a statement per event or Prisma's createMany with
     * thousands of parameters). The attribute ends with the last stored value.
     */
    async ingest(events: readonly IncomingDeviceEvent[]): Promise<IngestOutcome[]> {
      const outcomes = await db.$transaction(
        async (tx) => {
          const devices = await tx.device.findMany({
            where: {
              hubId: { in: [...new Set(events.map((e) => e.hubId))] },
              hubDeviceId: { in: [...new Set(events.map((e) => e.hubDeviceId))] },
            },
            select: { id: true, hubId: true, hubDeviceId: true, label: true, hub: { select: { storeId: true } } },
          });
          const deviceOf = new Map(devices.map((d) => [`${d.hubId}/${d.hubDeviceId}`, d]));

          const byAttribute = new Map<string, { deviceId: string; name: string; indexes: number[] }>();
          events.forEach((event, index) => {
            const device = deviceOf.get(`${event.hubId}/${event.hubDeviceId}`);
            if (!device) return;
            const key = `${device.id}/${event.name}`;
            const group = byAttribute.get(key) ?? { deviceId: device.id, name: event.name, indexes: [] };
            group.indexes.push(index);
            byAttribute.set(key, group);
          });
          const groups = [...byAttribute.values()];
          const locked = await tx.$queryRawUnsafe<({ deviceId: string; name: string } & AttributeState)[]>(
            LOCK_ATTRIBUTES,
            groups.map((g) => g.deviceId),
            groups.map((g) => g.name),
          );
          const current = new Map(
            locked.map((row) => [
              `${row.deviceId}/${row.name}`,
              { lastEventHash: row.lastEventHash, updatedAt: new Date(row.updatedAt) },
            ]),
          );

          const result: IngestOutcome[] = events.map(() => 'unknown-device');
          for (const [key, group] of byAttribute) {
            const { outcomes: decided } = decideAttributeEvents(
              group.indexes.map((i) => events[i]!),
              current.get(key) ?? null,
              dedupeWindowMs,
            );
            group.indexes.forEach((eventIndex, position) => (result[eventIndex] = decided[position]!));
          }

          // Everything the hub posted, duplicates included, shows its events arrive (hub diagnostics).
          const pushed = events.filter((event) => event.source !== 'RECONCILIATION');
          if (pushed.length > 0) {
            const at = new Date(Math.max(...pushed.map((event) => event.receivedAt.getTime()))).toISOString();
            await tx.$executeRawUnsafe(TOUCH_HUBS, [...new Set(pushed.map((event) => event.hubId))], at);
            const touched = new Set(
              pushed.flatMap((event) => deviceOf.get(`${event.hubId}/${event.hubDeviceId}`)?.id ?? []),
            );
            if (touched.size > 0) await tx.$executeRawUnsafe(TOUCH_DEVICES, [...touched], at);
          }

          const stored = events.flatMap((event, index) => {
            if (result[index] !== 'stored') return [];
            const device = deviceOf.get(`${event.hubId}/${event.hubDeviceId}`)!;
            return [
              {
                event,
                device,
                row: {
                  id: randomUUID(),
                  deviceId: device.id,
                  name: event.name,
                  value: event.value,
                  unit: event.unit,
                  description: event.description,
                  source: event.source,
                  receivedAt: event.receivedAt,
                },
              },
            ];
          });
          if (stored.length === 0) return result;

          // The last stored event of each attribute is its new value.
          const latest = new Map(stored.map((s) => [`${s.row.deviceId}/${s.row.name}`, s]));
          const finals = [...latest.values()];
          await tx.$executeRawUnsafe(
            UPSERT_ATTRIBUTES,
            finals.map((s) => s.row.deviceId),
            finals.map((s) => s.row.name),
            finals.map((s) => s.row.value),
            finals.map((s) => s.row.unit),
            finals.map((s) => s.row.receivedAt.toISOString()),
            finals.map((s) => s.event.contentHash),
          );
          const rows = stored.map((s) => s.row);
          await tx.$executeRawUnsafe(
            INSERT_HISTORY,
            ...[
              rows.map((r) => r.id),
              rows.map((r) => r.deviceId),
              rows.map((r) => r.name),
              rows.map((r) => r.value),
              rows.map((r) => r.unit),
            ],
            ...[rows.map((r) => r.description), rows.map((r) => r.source), rows.map((r) => r.receivedAt.toISOString())],
          );
          const rollups = rollUp(rows);
          if (rollups.length > 0) await tx.$executeRawUnsafe(UPSERT_HOURS, ...upsertHoursParams(rollups));
          await appendManyToOutbox(
            tx,
            stored.map(({ row, device }) =>
              deviceEventReceived({
                ...row,
                eventId: row.id,
                deviceLabel: device.label,
                hubId: device.hubId,
                storeId: device.hub.storeId,
                receivedAt: row.receivedAt.toISOString(),
              }),
            ),
          );
          return result;
        },
        { timeout: 30_000, maxWait: 10_000 },
      );
      if (outcomes.includes('stored')) onCommitted();
      return outcomes;
    },

    async page(deviceId: string, size: number, after: string | null, name = null): Promise<DeviceEvent[]> {
      const cursor = after ? decodeCursor(after) : null;
      const rows = await db.deviceEvent.findMany({
        where: {
          deviceId,
          ...(name ? { name } : {}),
          ...(cursor
            ? {
                OR: [
                  { receivedAt: { lt: new Date(String(cursor[0])) } },
                  { receivedAt: new Date(String(cursor[0])), id: { lt: String(cursor[1]) } },
                ],
              }
            : {}),
        },
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
        take: size + 1,
      });
      return rows.map(toDeviceEvent);
    },

    async recordCommand({ deviceId, command, args, sentAt, sender }: SentCommand): Promise<void> {
      await db.deviceEvent.create({
        data: {
          deviceId,
          name: command,
          value: args.length > 0 ? args.join(', ') : null,
          source: 'COMMAND',
          receivedAt: sentAt,
          sentByKind: sender?.kind ?? null,
          sentByUserId: sender?.userId ?? null,
          sentByApiKeyId: sender?.apiKeyId ?? null,
        },
      });
    },

    cursorOf: (event: DeviceEvent) => encodeCursor([event.receivedAt.toISOString(), event.id]),
  };
}

function toDeviceEvent({ sentByKind, sentByUserId, sentByApiKeyId, ...row }: DeviceEventRow): DeviceEvent {
  return {
    ...row,
    source: (row.source ?? 'UNKNOWN') as DeviceEventSource,
    sentBy:
      sentByKind && sentByUserId
        ? { kind: sentByKind as CommandSender['kind'], userId: sentByUserId, apiKeyId: sentByApiKeyId }
        : null,
  };
}
