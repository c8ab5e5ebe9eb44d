import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { archiveName, archiveSize, archiveTarball, runBackup, type BackupConfig } from '@switchyard/prisma/backup';
import { ConflictError, type DomainEvent, type Logger } from '@switchyard/shared';
import type { BackupSettings } from '../backup-config.ts';
import type { ActivityRepository, BackupRepository, LeaseRepository } from '../data/repositories.ts';
import { selectKept } from '../domain/backup-retention.ts';
import type { Backup, BackupTrigger } from '../domain/types.ts';
import { recordBackupMetrics } from './backup-metrics.ts';
import type { BackupObjectStore } from './s3-backup-store.ts';

/** The lease whose holder (an attempt's id) is taking a backup: one at a time across replicas. */
export const BACKUP_LEASE = 'backup';
const LEASE_TTL_MS = 60_000;
const FAILED_KEPT_MS = 30 * 86_400_000;

export interface BackupServiceDeps {
  backups: BackupRepository;
  leases: LeaseRepository;
  activity: ActivityRepository;
  settings: BackupSettings;
  /** What runBackup dumps: every subgraph's database, through the running services in embedded mode. */
  backupConfig: BackupConfig;
  objectStore: BackupObjectStore | null;
  logger: Logger;
  /** How long a lease outlives a process that stopped renewing it (tests shorten it). */
  leaseTtlMs?: number;
}

/** One line of an error for the Backup row and the feed: no stack, bounded. */
const reasonOf = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .split('\n')[0]!
    .slice(0, 500);

/**
 * Takes backups ("Back up now" and the schedule): records the attempt, runs `npm run backup`'s
 * runBackup into BACKUP_DIR, uploads the archive when S3 is configured, then applies BACKUP_KEEP.
 * An attempt that throws anywhere ends FAILED with its archive removed, plus a BackupFailed
 * activity entry (the "Backup failed" rule notifies); an attempt whose process dies stays RUNNING
 * until failAbandoned marks it FAILED once its lease has expired.
 */
export function createBackupService(deps: BackupServiceDeps) {
  const { backups, leases, logger, settings } = deps;
  const ttlMs = deps.leaseTtlMs ?? LEASE_TTL_MS;
  const inFlight = new Set<Promise<void>>();

  async function failAbandoned(): Promise<void> {
    for (const backup of await backups.failAbandoned(BACKUP_LEASE, new Date())) {
      logger.warn({ backupId: backup.id }, 'backup interrupted by a stopped process: marked FAILED');
      await removeLocal(backup.id);
      await recordFailure(backup, null);
    }
  }

  /** Best effort: a folder that cannot be removed (BACKUP_DIR gone, unwritable) must not hide why a backup failed. */
  const removeLocal = async (id: string) => {
    for (const folder of [`${id}.partial`, id])
      await rm(path.join(settings.dir, folder), { recursive: true, force: true }).catch((error: unknown) =>
        logger.warn({ err: error, folder }, 'backup folder not removed'),
      );
  };

  async function recordFailure(backup: Backup, actorId: string | null): Promise<void> {
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'BackupFailed',
      aggregateType: 'Backup',
      aggregateId: backup.id,
      sequence: 1,
      occurredAt: (backup.finishedAt ?? new Date()).toISOString(),
      actor: actorId ? { kind: 'user', id: actorId } : { kind: 'system', id: null },
      payload: { backupId: backup.id, trigger: backup.trigger, error: backup.error },
    };
    await deps.activity.ingest('observability', [event]);
    await refreshMetrics();
  }

  async function refreshMetrics(): Promise<void> {
    recordBackupMetrics(await backups.lastSucceeded());
  }

  /** Applies BACKUP_KEEP: archives (local and in S3) and rows of the good backups it does not keep. */
  async function prune(): Promise<void> {
    const good = await backups.succeeded();
    const kept = selectKept(good, settings.keep);
    const dropped: string[] = [];
    for (const backup of good.filter((b) => !kept.has(b.id))) {
      await removeLocal(backup.id);
      dropped.push(backup.id);
    }
    if (deps.objectStore) {
      // The prefix is this installation's: an archive there goes when its backup is not kept, or when
      // it is older than every kept one (its row is gone). A newer unknown one may be an upload
      // whose backup is about to be recorded: it stays.
      const known = new Set(good.map((b) => b.id));
      const oldestKeptId = [...kept].sort()[0] ?? '';
      const stored = await deps.objectStore.list();
      await deps.objectStore.remove(stored.filter((id) => !kept.has(id) && (known.has(id) || id < oldestKeptId)));
    }
    const oldestKept = Math.min(...good.filter((b) => kept.has(b.id)).map((b) => b.startedAt.getTime()));
    const failedBefore = Number.isFinite(oldestKept)
      ? new Date(Math.min(oldestKept, Date.now() - FAILED_KEPT_MS))
      : null;
    await backups.remove(dropped, failedBefore);
    if (dropped.length > 0) logger.info({ removed: dropped, kept: [...kept] }, 'backup retention applied');
  }

  async function take(backup: Backup, stopRenewing: () => void, actorId: string | null): Promise<void> {
    let succeeded = false;
    try {
      const { archive } = await runBackup(
        deps.backupConfig,
        (line) => logger.debug({ backupId: backup.id }, line),
        backup.startedAt,
      );
      const sizeBytes = await archiveSize(archive);
      const s3Url = deps.objectStore ? await deps.objectStore.upload(backup.id, archiveTarball(archive)) : null;
      await backups.succeed(backup.id, { finishedAt: new Date(), sizeBytes, localPath: archive, s3Url });
      succeeded = true;
      logger.info({ backupId: backup.id, sizeBytes, s3Url }, 'backup taken');
    } catch (error) {
      logger.error({ err: error, backupId: backup.id }, 'backup failed');
      // An archive that did not make it all the way (upload included) is not kept as if it were good.
      await removeLocal(backup.id);
      const failed = await backups.fail(backup.id, reasonOf(error), new Date());
      await recordFailure(failed, actorId);
    } finally {
      // Once the attempt is recorded the next may start: retention below is safe beside it.
      stopRenewing();
      await leases.release(BACKUP_LEASE, backup.id).catch(() => undefined);
    }
    if (succeeded) {
      await refreshMetrics();
      await prune().catch((error: unknown) => logger.error({ err: error }, 'backup retention failed'));
    }
  }

  return {
    /**
     * Starts a backup and returns it RUNNING; the work goes on in the background. CONFLICT when
     * one is running (in any replica).
     */
    async start(trigger: BackupTrigger, actorId: string | null = null): Promise<Backup> {
      const startedAt = new Date();
      const id = archiveName(startedAt);
      if (!(await leases.acquire(BACKUP_LEASE, id, ttlMs)))
        throw new ConflictError('A backup is already running; wait for it to finish');
      const renew = setInterval(
        () => void leases.acquire(BACKUP_LEASE, id, ttlMs).catch(() => undefined),
        Math.max(100, ttlMs / 3),
      );
      renew.unref();
      let backup: Backup;
      try {
        await failAbandoned();
        backup = await backups.start(id, trigger, startedAt);
      } catch (error) {
        clearInterval(renew);
        await leases.release(BACKUP_LEASE, id).catch(() => undefined);
        throw error;
      }
      const work = take(backup, () => clearInterval(renew), actorId)
        .catch((error: unknown) => logger.error({ err: error, backupId: id }, 'backup outcome not recorded'))
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
      return backup;
    },
    failAbandoned,
    refreshMetrics,
    /** Waits for backups in progress (before the database closes). */
    async stop(): Promise<void> {
      await Promise.all(inFlight);
      deps.objectStore?.close();
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
