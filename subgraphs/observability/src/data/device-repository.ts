import type { DomainEvent } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { deviceChange } from '../domain/device-alerts.ts';
import { hsmChange } from '../domain/hsm-alerts.ts';
import type { DeviceRepository } from './repositories.ts';

export function createDeviceRepository(db: PrismaClient): DeviceRepository {
  return {
    async project(events: DomainEvent[]) {
      for (const event of events) {
        const hsm = hsmChange(event);
        if (hsm) {
          await db.$transaction(async (tx) => {
            const rows = await tx.$queryRaw<{ lastEventAt: Date }[]>`
              SELECT "lastEventAt" FROM "HubSecuritySnapshot" WHERE "hubId" = ${hsm.hubId} FOR UPDATE`;
            // As for devices: a late or repeated delivery never undoes a newer change.
            if (rows[0] && rows[0].lastEventAt > hsm.at) return;
            const row = {
              hubName: hsm.hubName,
              storeId: hsm.storeId,
              alert: hsm.alert,
              alertAt: hsm.alert === null ? null : hsm.at,
              lastEventAt: hsm.at,
            };
            await tx.hubSecuritySnapshot.upsert({
              where: { hubId: hsm.hubId },
              create: { hubId: hsm.hubId, ...row },
              update: row,
            });
          });
          continue;
        }
        const change = deviceChange(event);
        if (!change) continue;
        await db.$transaction(async (tx) => {
          const rows = await tx.$queryRaw<{ lastEventAt: Date; healthStatus: string | null }[]>`
            SELECT "lastEventAt", "healthStatus" FROM "DeviceSnapshot" WHERE "id" = ${change.id} FOR UPDATE`;
          const current = rows[0];
          // Feeds and the bus deliver events late and twice: an older reading never overwrites a newer one.
          if (current && current.lastEventAt > change.at) return;
          const row = {
            label: change.label,
            hubId: change.hubId,
            storeId: change.storeId,
            lastEventAt: change.at,
            ...(change.battery !== undefined ? { battery: change.battery } : {}),
            ...(change.healthStatus !== undefined && change.healthStatus !== current?.healthStatus
              ? { healthStatus: change.healthStatus, healthChangedAt: change.at }
              : {}),
          };
          await tx.deviceSnapshot.upsert({ where: { id: change.id }, create: { id: change.id, ...row }, update: row });
        });
      }
    },
    all: () => db.deviceSnapshot.findMany({ orderBy: [{ label: 'asc' }, { id: 'asc' }] }),
    hubSecurity: () => db.hubSecuritySnapshot.findMany({ orderBy: { hubId: 'asc' } }),
  };
}
