import type { DomainEvent } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { deviceChange } from '../domain/device-alerts.ts';
import type { DeviceRepository } from './repositories.ts';

export function createDeviceRepository(db: PrismaClient): DeviceRepository {
  return {
    async project(events: DomainEvent[]) {
      for (const event of events) {
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
  };
}
