import type { PrismaClient } from '../generated/prisma/client.ts';
import type { HourRollup } from '../domain/attribute-history.ts';
import type { AttributeHistoryRepository } from './repositories.ts';

/** Adds a batch's roll-ups to the hour rows; run in the batch's transaction (see device-event-repository). */
export const UPSERT_HOURS = `
  INSERT INTO "DeviceAttributeHour" ("deviceId", "name", "hour", "count", "sum", "min", "max", "last", "unit")
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamp(3)[], $4::int[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::text[])
  ON CONFLICT ("deviceId", "name", "hour") DO UPDATE SET
    "count" = "DeviceAttributeHour"."count" + EXCLUDED."count",
    "sum" = "DeviceAttributeHour"."sum" + EXCLUDED."sum",
    "min" = LEAST("DeviceAttributeHour"."min", EXCLUDED."min"),
    "max" = GREATEST("DeviceAttributeHour"."max", EXCLUDED."max"),
    "last" = EXCLUDED."last",
    "unit" = COALESCE(EXCLUDED."unit", "DeviceAttributeHour"."unit")`;

export function upsertHoursParams(rollups: readonly HourRollup[]): unknown[] {
  return [
    rollups.map((r) => r.deviceId),
    rollups.map((r) => r.name),
    rollups.map((r) => r.hour.toISOString()),
    rollups.map((r) => r.count),
    rollups.map((r) => r.sum),
    rollups.map((r) => r.min),
    rollups.map((r) => r.max),
    rollups.map((r) => r.last),
    rollups.map((r) => r.unit),
  ];
}

export function createAttributeHistoryRepository(db: PrismaClient): AttributeHistoryRepository {
  return {
    async hours(deviceId, name, since) {
      return db.deviceAttributeHour.findMany({
        where: { deviceId, name, hour: { gte: since } },
        orderBy: { hour: 'asc' },
      });
    },

    async events(deviceId, name, since) {
      return db.deviceEvent.findMany({
        where: { deviceId, name, receivedAt: { gte: since }, NOT: { source: 'COMMAND' } },
        orderBy: { receivedAt: 'asc' },
        select: { value: true, receivedAt: true },
      });
    },

    async numericAttributes(deviceId) {
      const rows = await db.deviceAttributeHour.findMany({
        where: { deviceId },
        distinct: ['name'],
        select: { name: true },
        orderBy: { name: 'asc' },
      });
      return rows.map((row) => row.name);
    },

    async unitOf(deviceId, name) {
      const row = await db.deviceAttribute.findUnique({
        where: { deviceId_name: { deviceId, name } },
        select: { unit: true },
      });
      return row?.unit ?? null;
    },
  };
}
