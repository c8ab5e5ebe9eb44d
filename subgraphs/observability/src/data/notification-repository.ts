import type { PrismaClient } from '../generated/prisma/client.ts';
import type { NotificationDelivery } from '../domain/types.ts';
import type { NotificationRepository } from './repositories.ts';

export function createNotificationRepository(db: PrismaClient): NotificationRepository {
  return {
    // One statement: claimed rows are locked, so replicas claiming at once skip each other's.
    claimDue: (now: Date, holdUntil: Date, limit: number) =>
      db.$queryRawUnsafe<NotificationDelivery[]>(
        `UPDATE "NotificationDelivery" SET "nextAttemptAt" = $2
         WHERE "id" IN (
           SELECT "id" FROM "NotificationDelivery" WHERE "nextAttemptAt" <= $1
           ORDER BY "nextAttemptAt" LIMIT $3 FOR UPDATE SKIP LOCKED
         )
         RETURNING *`,
        now,
        holdUntil,
        limit,
      ),

    async recordAttempt(
      delivery: NotificationDelivery,
      outcome: { ok: boolean; httpStatus: number | null; error: string | null },
      nextAttemptAt: Date | null,
    ) {
      const number = delivery.attempts + 1;
      await db.$transaction([
        db.notificationAttempt.create({
          data: {
            alertId: delivery.alertId,
            channel: delivery.channel,
            target: delivery.target,
            transition: delivery.transition,
            attempt: number,
            ...outcome,
          },
        }),
        db.notificationDelivery.update({ where: { id: delivery.id }, data: { attempts: number, nextAttemptAt } }),
      ]);
    },
  };
}
