import type { PrismaClient } from '../generated/prisma/client.ts';

export type LoginThrottleRepository = ReturnType<typeof createLoginThrottleRepository>;

export function createLoginThrottleRepository(db: PrismaClient) {
  return {
    async lockedUntil(keys: string[]): Promise<(Date | null)[]> {
      const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
      return rows.map((row) => row.lockedUntil);
    },

    /**
     * Counts one failure in the current window (a single atomic upsert, so concurrent attempts
     * from several replicas all count) and locks the key once it reaches `maxFailures`.
     */
    async recordFailure(key: string, maxFailures: number, lockSeconds: number, now: Date): Promise<void> {
      const windowStart = new Date(now.getTime() - lockSeconds * 1000);
      const lockedUntil = new Date(now.getTime() + lockSeconds * 1000);
      await db.$executeRaw`
        INSERT INTO "LoginThrottle" ("key", "failures", "windowStartedAt", "lockedUntil")
        VALUES (${key}, 1, ${now}, ${maxFailures <= 1 ? lockedUntil : null})
        ON CONFLICT ("key") DO UPDATE SET
          "failures" = CASE WHEN "LoginThrottle"."windowStartedAt" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
          "windowStartedAt" = CASE WHEN "LoginThrottle"."windowStartedAt" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStartedAt" END,
          "lockedUntil" = CASE
            WHEN "LoginThrottle"."windowStartedAt" >= ${windowStart} AND "LoginThrottle"."failures" + 1 >= ${maxFailures} THEN ${lockedUntil}
            ELSE "LoginThrottle"."lockedUntil" END`;
    },

    async clear(key: string): Promise<void> {
      await db.loginThrottle.deleteMany({ where: { key } });
    },
  };
}
