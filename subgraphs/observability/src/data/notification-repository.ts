import type { PrismaClient } from '../generated/prisma/client.ts';
import type { NotificationDelivery } from '../domain/types.ts';
import type { NotificationRepository } from './repositories.ts';
import { claimDue } from './claim-due.ts';

export function createNotificationRepository(db: PrismaClient): NotificationRepository {
  return {
    claimDue: (now: Date, holdUntil: Date, limit: number) =>
      claimDue<NotificationDelivery>(db, 'NotificationDelivery', { now, holdUntil, limit }),

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
