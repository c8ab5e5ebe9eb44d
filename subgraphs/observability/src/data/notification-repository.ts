import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
export type DeliveryRow = Awaited<ReturnType<PrismaClient['notificationDelivery']['findUniqueOrThrow']>>;

/** Notifications owed (written with alert transitions) and every attempt to deliver them. */
export function createNotificationRepository(db: PrismaClient) {
  return {
    /**
     * Takes up to `limit` deliveries that are due, for this process: each one's next attempt moves
     * to `holdUntil`, so another replica (or this one after a crash) retries it only after that.
     */
    claimDue: (now: Date, holdUntil: Date, limit: number) =>
      db.$queryRawUnsafe<DeliveryRow[]>(
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

    /** Records an attempt and when to try again (null: delivered, or out of attempts). */
    async recordAttempt(delivery: DeliveryRow, attempt: Omit<Prisma.NotificationAttemptUncheckedCreateInput, 'alertId' | 'channel' | 'target' | 'transition' | 'attempt'>, nextAttemptAt: Date | null) {
      const number = delivery.attempts + 1;
      await db.$transaction([
        db.notificationAttempt.create({
          data: { alertId: delivery.alertId, channel: delivery.channel, target: delivery.target, transition: delivery.transition, attempt: number, ...attempt },
        }),
        db.notificationDelivery.update({ where: { id: delivery.id }, data: { attempts: number, nextAttemptAt } }),
      ]);
    },
  };
}
