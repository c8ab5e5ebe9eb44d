import path from 'node:path';
import { SUBGRAPHS, env, envPrefix } from '@switchyard/shared';
import { Cron } from 'croner';
import { z } from 'zod';
import { keepPolicySchema } from './domain/backup-retention.ts';

/** The embedded default: every night at 03:00 (server time). */
export const DEFAULT_BACKUP_SCHEDULE = '0 3 * * *';

const cronSchema = z
  .string()
  .trim()
  .refine(
    (pattern) => {
      try {
        new Cron(pattern, { paused: true }).stop();
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be a cron expression (5 fields, or 6 with seconds first) or "off"' },
  );

const s3UrlSchema = z
  .string()
  .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'must be s3://<bucket>[/<prefix>]');

/**
 * The variables of scheduled backups (see the README's "Scheduled backups"). With them the other
 * subgraphs' <SUBGRAPH>_DATABASE_URL overrides are read (otherDatabaseUrlShape): a backup dumps
 * every subgraph's database, as `npm run backup` does with the same variables.
 */
export const backupEnvShape = {
  /** Cron; "off" disables; unset: daily at 03:00 in embedded mode, off with DATABASE_URL. */
  BACKUP_SCHEDULE: z.union([z.literal('off'), cronSchema]).optional(),
  BACKUP_KEEP: keepPolicySchema.prefault('7d,4w'),
  BACKUP_DIR: z.string().optional(),
  /** The health row turns DOWN, and the default "Backup stale" rule fires, when the last good backup is older. */
  BACKUP_STALE_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(26 * 3600),
  BACKUP_S3_URL: s3UrlSchema.optional(),
  /** An S3-compatible server's URL (MinIO, Ceph, R2…); unset: AWS. */
  BACKUP_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  BACKUP_S3_REGION: z.string().default('us-east-1'),
  /** bucket in the path (http://host/bucket/key), as most S3-compatible servers need; default: with BACKUP_S3_ENDPOINT. */
  BACKUP_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  /** Both or neither (then the AWS SDK's default chain: AWS_* variables, profile, instance role). */
  BACKUP_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  BACKUP_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
};

/** The other subgraphs' <SUBGRAPH>_DATABASE_URL (observability's own is in subgraphEnvShape). */
export const otherDatabaseUrlShape = Object.fromEntries(
  SUBGRAPHS.filter(({ name }) => name !== 'observability').map(({ name }) => [
    `${envPrefix(name)}_DATABASE_URL`,
    env.postgresUrl().optional(),
  ]),
);

type BackupEnvValues = z.output<z.ZodObject<typeof backupEnvShape>>;

/** Problems that involve two variables, for observabilityEnvSchema's superRefine. */
export function backupEnvProblems(e: BackupEnvValues): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!e.BACKUP_S3_ACCESS_KEY_ID !== !e.BACKUP_S3_SECRET_ACCESS_KEY)
    problems.push({
      path: e.BACKUP_S3_ACCESS_KEY_ID ? 'BACKUP_S3_SECRET_ACCESS_KEY' : 'BACKUP_S3_ACCESS_KEY_ID',
      message: 'is required with the other S3 credential (set both, or neither for the AWS default chain)',
    });
  return problems;
}

export function backupSettings(e: BackupEnvValues & { DATA_DIR: string; DATABASE_URL?: string | undefined }) {
  const values = e as unknown as Record<string, string | undefined>;
  const schedule =
    e.BACKUP_SCHEDULE === 'off' ? null : (e.BACKUP_SCHEDULE ?? (e.DATABASE_URL ? null : DEFAULT_BACKUP_SCHEDULE));
  const s3 = e.BACKUP_S3_URL ? /^s3:\/\/([^/]+)\/?(.*)$/.exec(e.BACKUP_S3_URL)! : null;
  return {
    schedule,
    keep: e.BACKUP_KEEP,
    /** Resolved against the working directory, as the services resolve DATA_DIR. */
    dir: path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')),
    staleAfterSeconds: e.BACKUP_STALE_AFTER_SECONDS,
    /** Other subgraphs' own database URLs, where set (else DATABASE_URL + the subgraph's name, or PGlite). */
    databaseUrls: Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, values[`${envPrefix(name)}_DATABASE_URL`]]).filter(([, url]) => url),
    ) as Record<string, string>,
    s3: s3
      ? {
          bucket: s3[1]!,
          prefix: s3[2]!.replace(/\/+$/, ''),
          endpoint: e.BACKUP_S3_ENDPOINT ?? null,
          region: e.BACKUP_S3_REGION,
          forcePathStyle: e.BACKUP_S3_FORCE_PATH_STYLE
            ? e.BACKUP_S3_FORCE_PATH_STYLE === 'true'
            : Boolean(e.BACKUP_S3_ENDPOINT),
          credentials:
            e.BACKUP_S3_ACCESS_KEY_ID && e.BACKUP_S3_SECRET_ACCESS_KEY
              ? { accessKeyId: e.BACKUP_S3_ACCESS_KEY_ID, secretAccessKey: e.BACKUP_S3_SECRET_ACCESS_KEY }
              : null,
        }
      : null,
  };
}

export type BackupSettings = ReturnType<typeof backupSettings>;
export type S3Settings = NonNullable<BackupSettings['s3']>;
