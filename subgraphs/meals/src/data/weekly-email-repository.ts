import type { PrismaClient } from '../generated/prisma/client.ts';
import { toDbDate } from '../domain/dates.ts';
import type { WeeklyEmailRepository } from './repositories.ts';

/** Whoever inserts the (household, week, member) row has the claim. */
export function createWeeklyEmailRepository(db: PrismaClient): WeeklyEmailRepository {
  return {
    async claim(householdId: string, weekStart: string, userId: string): Promise<boolean> {
      const { count } = await db.weeklyEmailDelivery.createMany({
        data: [{ householdId, weekStart: toDbDate(weekStart), userId }],
        skipDuplicates: true,
      });
      return count === 1;
    },

    async release(householdId: string, weekStart: string, userId: string): Promise<void> {
      await db.weeklyEmailDelivery.deleteMany({ where: { householdId, weekStart: toDbDate(weekStart), userId } });
    },
  };
}
