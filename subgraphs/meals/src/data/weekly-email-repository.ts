import type { PrismaClient } from '../generated/prisma/client.ts';
import { toDbDate } from '../domain/dates.ts';

export type WeeklyEmailRepository = ReturnType<typeof createWeeklyEmailRepository>;

/** Delivery claims: whoever inserts the (household, week, member) row sends that email, once across replicas. */
export function createWeeklyEmailRepository(db: PrismaClient) {
  return {
    async claim(householdId: string, weekStart: string, userId: string): Promise<boolean> {
      const { count } = await db.weeklyEmailDelivery.createMany({ data: [{ householdId, weekStart: toDbDate(weekStart), userId }], skipDuplicates: true });
      return count === 1;
    },

    /** Gives a claim back after a failed send, so the next run tries again. */
    async release(householdId: string, weekStart: string, userId: string): Promise<void> {
      await db.weeklyEmailDelivery.deleteMany({ where: { householdId, weekStart: toDbDate(weekStart), userId } });
    },
  };
}
