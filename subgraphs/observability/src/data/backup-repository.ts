import type { PrismaClient, Backup as BackupRow } from '../generated/prisma/client.ts';
import type { Backup } from '../domain/types.ts';
import type { BackupRepository } from './repositories.ts';

const toBackup = (row: BackupRow): Backup => ({
  ...row,
  sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
});

const INTERRUPTED = 'interrupted: the process taking it stopped before it finished';

export function createBackupRepository(db: PrismaClient): BackupRepository {
  return {
    start: async (id, trigger, startedAt) =>
      toBackup(await db.backup.create({ data: { id, trigger, status: 'RUNNING', startedAt } })),

    succeed: async (id, { finishedAt, sizeBytes, localPath, s3Url }) =>
      toBackup(
        await db.backup.update({
          where: { id },
          data: { status: 'SUCCEEDED', finishedAt, sizeBytes: BigInt(sizeBytes), localPath, s3Url },
        }),
      ),

    fail: async (id, error, finishedAt) =>
      toBackup(
        await db.backup.update({
          where: { id },
          data: { status: 'FAILED', error, finishedAt, localPath: null, s3Url: null },
        }),
      ),

    async failAbandoned(lease, at) {
      // One statement: an attempt whose holder renews its lease meanwhile is not touched.
      const rows = await db.$queryRawUnsafe<BackupRow[]>(
        `UPDATE "Backup" SET "status" = 'FAILED', "error" = $2, "finishedAt" = $3, "localPath" = NULL, "s3Url" = NULL
         WHERE "status" = 'RUNNING' AND NOT EXISTS (
           SELECT 1 FROM "Lease" WHERE "Lease"."name" = $1 AND "Lease"."holder" = "Backup"."id" AND "Lease"."expiresAt" > now())
         RETURNING *`,
        lease,
        INTERRUPTED,
        at,
      );
      return rows.map(toBackup);
    },

    list: async (first) =>
      (await db.backup.findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: first })).map(toBackup),

    findById: async (id) => {
      const row = await db.backup.findUnique({ where: { id } });
      return row && toBackup(row);
    },

    succeeded: async () =>
      (await db.backup.findMany({ where: { status: 'SUCCEEDED' }, orderBy: { startedAt: 'desc' } })).map(toBackup),

    lastSucceeded: async () => {
      const row = await db.backup.findFirst({ where: { status: 'SUCCEEDED' }, orderBy: { startedAt: 'desc' } });
      return row && toBackup(row);
    },

    latestFinished: async () => {
      const row = await db.backup.findFirst({ where: { status: { not: 'RUNNING' } }, orderBy: { startedAt: 'desc' } });
      return row && toBackup(row);
    },

    async remove(ids, failedBefore) {
      await db.backup.deleteMany({
        where: {
          OR: [
            { id: { in: ids }, status: { not: 'RUNNING' } },
            ...(failedBefore ? [{ status: 'FAILED' as const, startedAt: { lt: failedBefore } }] : []),
          ],
        },
      });
    },
  };
}
