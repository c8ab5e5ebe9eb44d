import { mkdir, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { archiveName, archiveSize, archiveTarball } from '@switchyard/prisma/backup';
import { createLogger } from '@switchyard/shared';
import { TEST_BACKENDS, eventually } from '@switchyard/testing';
import type { BackupSettings } from '../src/backup-config.ts';
import { createActivityRepository } from '../src/data/activity-repository.ts';
import { createBackupRepository } from '../src/data/backup-repository.ts';
import { createLeaseRepository } from '../src/data/lease-repository.ts';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { startBackupScheduler } from '../src/jobs/backup-scheduler.ts';
import { createBackupService, type BackupArchives } from '../src/jobs/backup-service.ts';
import { startObservability } from './support.ts';

// BACKUP_SCHEDULE runs in every replica, but each tick yields one backup: only the holder of the
// "backup-scheduler" lease acts on it, and another replica takes over once the holder is gone.
// Two replicas share one database, each with its own scheduler, BackupService and logger. Their
// archives are small folders written on the spot: what is tested is who backs up, not the dump
// (backups.int.test.ts covers that), and a fast backup cannot hide a second attempt behind the
// "backup" lease's CONFLICT, so a double start shows as two rows.

const SCHEDULE = '*/2 * * * * *';
const RENEW_MS = 200;

/** Archives as runBackup lays them out (a folder named for the start), without dumping databases. */
const smallArchives = (dir: string): BackupArchives => ({
  nameOf: archiveName,
  async write(at) {
    const archive = path.join(dir, archiveName(at));
    await mkdir(archive, { recursive: true });
    await writeFile(path.join(archive, 'manifest.json'), JSON.stringify({ createdAt: at.toISOString() }));
    return archive;
  },
  size: archiveSize,
  tarball: archiveTarball,
});

/** One replica: its own logger (whose messages are recorded), BackupService and scheduler. */
function startReplica(
  db: PrismaClient,
  settings: BackupSettings,
  options: { releasesLease: boolean; startDelayMs?: number },
) {
  const logger = createLogger('observability-replica', 'silent');
  const spies = (['info', 'warn', 'error'] as const).map((level) => jest.spyOn(logger, level));
  const leases = createLeaseRepository(db);
  const service = createBackupService({
    backups: createBackupRepository(db),
    leases,
    activity: createActivityRepository(db, () => undefined),
    settings,
    archives: smallArchives(settings.dir),
    objectStore: null,
    logger,
  });
  // A replica that dies leaves its lease to lapse (after 3 × RENEW_MS) instead of releasing it.
  const schedulerLeases = options.releasesLease ? leases : { ...leases, release: async () => undefined };
  // A slow start (delayed by startDelayMs) leaves time to stop the replica in the middle of a tick.
  let startEntered!: () => void;
  const entered = new Promise<void>((resolve) => (startEntered = resolve));
  const slowService: typeof service = {
    ...service,
    async start(...args) {
      startEntered();
      await new Promise((resolve) => setTimeout(resolve, options.startDelayMs));
      return service.start(...args);
    },
  };
  const scheduler = startBackupScheduler({
    schedule: SCHEDULE,
    service: options.startDelayMs ? slowService : service,
    leases: schedulerLeases,
    logger,
    renewMs: RENEW_MS,
  });
  let running = true;
  return {
    /** Resolves once the scheduler called start (with startDelayMs). */
    entered,
    /** Every message this replica logged (info, warn, error). */
    messages: () => spies.flatMap((spy) => spy.mock.calls.map((args) => args.find((a) => typeof a === 'string'))),
    taken: () => spies[0]!.mock.calls.filter((args) => args.includes('backup taken')).length,
    holds: () => spies[0]!.mock.calls.some((args) => args.includes('this replica takes the scheduled backups')),
    async stop() {
      if (!running) return;
      running = false;
      await scheduler.stop();
      await service.stop();
    },
  };
}

describe.each(TEST_BACKENDS)('scheduled backups with two replicas (%s)', (backend) => {
  it.each([
    ['stops (releases the lease)', true],
    ['dies (its lease lapses)', false],
  ])(
    'one replica takes each scheduled backup; the other takes over when the holder %s',
    async (_, releasesLease) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-backup-scheduler-int-'));
      // Scheduled backups are off in the subgraph itself: the two replicas below are the only schedulers.
      const observability = await startObservability(backend, {
        DATA_DIR: dataDir,
        BACKUP_DIR: path.join(dataDir, 'backups'),
        BACKUP_KEEP: '50last',
        BACKUP_SCHEDULE: 'off',
      });
      const { db } = observability;
      const settings = observability.services.backupSettings;
      const replicas = [startReplica(db, settings, { releasesLease }), startReplica(db, settings, { releasesLease })];
      const scheduled = () => db.backup.findMany({ where: { trigger: 'SCHEDULED' }, orderBy: { startedAt: 'asc' } });
      const succeeded = async () => (await scheduled()).filter((b) => b.status === 'SUCCEEDED').length;
      try {
        await eventually(async () => (await succeeded()) >= 3, 30_000);
        const holders = replicas.filter((r) => r.holds());
        expect(holders).toHaveLength(1);
        const [holder, other] = holders[0] === replicas[0] ? replicas : [replicas[1]!, replicas[0]!];
        expect(other!.taken()).toBe(0);

        await holder!.stop();
        const before = await succeeded();
        await eventually(async () => other!.taken() > 0 && (await succeeded()) > before, 30_000);
        expect(other!.holds()).toBe(true);
        await other!.stop();

        const rows = await scheduled();
        expect(rows.filter((b) => b.status !== 'SUCCEEDED')).toEqual([]);
        // Two replicas acting on one tick start within a few ms of each other. (Ticks are 2 s apart,
        // but on a loaded machine one can fire over a second late, so rows may be closer than 2 s.)
        const gaps = rows.slice(1).map((b, i) => b.startedAt.getTime() - rows[i]!.startedAt.getTime());
        expect(gaps.filter((gap) => gap < 250)).toEqual([]);
        expect(holder!.taken() + other!.taken()).toBe(rows.length);
        // The replica not holding the lease never tried: no start refused because another ran.
        for (const replica of replicas) {
          expect(replica.messages()).not.toContain('scheduled backup skipped: a backup is running');
          expect(replica.messages()).not.toContain('scheduled backup not started');
          expect(replica.messages()).not.toContain('backup scheduler lease not renewed');
        }
      } finally {
        for (const replica of replicas) await replica.stop();
        await observability.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    90_000,
  );

  it('a replica stopped during a tick waits for the backup it starts, so drain waits for it too', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-backup-scheduler-int-'));
    const observability = await startObservability(backend, {
      DATA_DIR: dataDir,
      BACKUP_DIR: path.join(dataDir, 'backups'),
      BACKUP_SCHEDULE: 'off',
    });
    const { db } = observability;
    const replica = startReplica(db, observability.services.backupSettings, {
      releasesLease: true,
      startDelayMs: 500,
    });
    try {
      await replica.entered;
      await replica.stop();
      // Stopped means done: the backup whose start was under way is recorded, not still to come.
      const rows = await db.backup.findMany({ where: { trigger: 'SCHEDULED' } });
      expect(rows.map((b) => b.status)).toEqual(['SUCCEEDED']);
    } finally {
      await replica.stop();
      await observability.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
