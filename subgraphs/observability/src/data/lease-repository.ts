import type { PrismaClient } from '../generated/prisma/client.ts';
import type { LeaseRepository } from './repositories.ts';

/**
 * A lease row per singleton job: the holder renews it on every run; another replica takes it
 * over only once it expired. One statement, so two replicas cannot both win (the row lock of the
 * upsert orders them). Works the same on PGlite and PostgreSQL.
 */
export function createLeaseRepository(db: PrismaClient): LeaseRepository {
  return {
    async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
      const rows = await db.$queryRawUnsafe<{ holder: string }[]>(
        `INSERT INTO "Lease" ("name", "holder", "expiresAt") VALUES ($1, $2, now() + $3 * interval '1 millisecond')
         ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
         WHERE "Lease"."holder" = EXCLUDED."holder" OR "Lease"."expiresAt" < now()
         RETURNING "holder"`,
        name,
        holder,
        ttlMs,
      );
      return rows.length === 1;
    },
    async release(name: string, holder: string) {
      await db.lease.deleteMany({ where: { name, holder } });
    },
  };
}
