import { delayAfter, type ThrottleRule } from '../domain/login-throttle.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { LoginThrottleRepository } from './repositories.ts';

// 2^30 s is far beyond any configured lock: the cap keeps power() from overflowing on long counts.
const MAX_DOUBLINGS = 30;

export function createLoginThrottleRepository(db: PrismaClient): LoginThrottleRepository {
  /**
   * One upsert per key. Its WHERE makes a locked key return no row and leaves it untouched, and
   * PostgreSQL evaluates it on the latest row version after waiting for concurrent claims, so the
   * claims of a burst are counted one by one and none passes a lock another has just set.
   */
  async function claimKey(rule: ThrottleRule, now: Date): Promise<boolean> {
    const resetBefore = new Date(now.getTime() - rule.resetAfterSeconds * 1000);
    const firstDelay = delayAfter(rule, 1);
    const firstLock = firstDelay > 0 ? new Date(now.getTime() + firstDelay * 1000) : null;
    const claimed = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" AS t ("key", "failures", "lastAttemptAt", "lockedUntil")
      VALUES (${rule.key}, 1, ${now}, ${firstLock})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN t."lastAttemptAt" < ${resetBefore} THEN 1 ELSE t."failures" + 1 END,
        "lastAttemptAt" = ${now},
        "lockedUntil" = CASE
          WHEN t."lastAttemptAt" < ${resetBefore} THEN ${firstLock}
          WHEN t."failures" + 1 < ${rule.freeAttempts} THEN NULL
          ELSE ${now}::timestamp(3) + interval '1 second' * LEAST(
            ${rule.maxDelaySeconds}::float8,
            ${rule.firstDelaySeconds}::float8 * power(2, LEAST(t."failures" + 1 - ${rule.freeAttempts}, ${MAX_DOUBLINGS}))
          ) END
      WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}
      RETURNING "failures"`;
    return claimed.length === 1;
  }

  return {
    async claim(rules, now) {
      for (const rule of rules) {
        if (await claimKey(rule, now)) continue;
        const row = await db.loginThrottle.findUnique({ where: { key: rule.key } });
        return Math.max(1, Math.ceil(((row?.lockedUntil?.getTime() ?? 0) - now.getTime()) / 1000));
      }
      return 0;
    },

    async release([account, ...others]) {
      await db.loginThrottle.deleteMany({ where: { key: account!.key } });
      for (const rule of others)
        await db.$executeRaw`
          UPDATE "LoginThrottle" SET
            "failures" = GREATEST("failures" - 1, 0),
            "lockedUntil" = CASE WHEN "failures" - 1 < ${rule.freeAttempts} THEN NULL ELSE "lockedUntil" END
          WHERE "key" = ${rule.key}`;
    },

    async isKnownDevice(email, deviceHash) {
      return (await db.knownDevice.count({ where: { deviceHash, user: { email } } })) > 0;
    },

    async rememberDevice(userId, deviceHash, now) {
      await db.knownDevice.upsert({
        where: { userId_deviceHash: { userId, deviceHash } },
        create: { userId, deviceHash, lastSeenAt: now },
        update: { lastSeenAt: now },
      });
    },
  };
}
