import type { PrismaClient } from '../generated/prisma/client.ts';
import type { HubDiagnosticsRepository } from './repositories.ts';

export function createHubDiagnosticsRepository(db: PrismaClient): HubDiagnosticsRepository {
  return {
    async lastEventAt(hubId: string): Promise<Date | null> {
      return (await db.hub.findUnique({ where: { id: hubId }, select: { lastEventAt: true } }))?.lastEventAt ?? null;
    },

    async lastRepairSince(hubId: string, since: Date): Promise<Date | null> {
      const row = await db.deviceEvent.findFirst({
        where: { source: 'RECONCILIATION', receivedAt: { gte: since }, device: { hubId } },
        orderBy: { receivedAt: 'desc' },
        select: { receivedAt: true },
      });
      return row?.receivedAt ?? null;
    },

    async touchHub(hubId: string, at: Date): Promise<void> {
      await db.$executeRawUnsafe(TOUCH_HUBS, [hubId], at.toISOString());
    },
  };
}

/** Never moves a time backwards (batches of two replicas may commit out of order). */
export const TOUCH_HUBS = `
  UPDATE "Hub" SET "lastEventAt" = $2::timestamp(3)
  WHERE "id" = ANY($1::uuid[]) AND ("lastEventAt" IS NULL OR "lastEventAt" < $2::timestamp(3))`;

export const TOUCH_DEVICES = `
  UPDATE "Device" SET "lastEventAt" = $2::timestamp(3)
  WHERE "id" = ANY($1::uuid[]) AND ("lastEventAt" IS NULL OR "lastEventAt" < $2::timestamp(3))`;
