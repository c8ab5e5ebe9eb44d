import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createPGlite } from '@switchyard/prisma/pglite';
import { TEST_BACKENDS, codeOf, eventually, userPrincipal } from '@switchyard/testing';
import { startS3Server } from '@switchyard/testing/s3-server';
import { Parser } from 'tar';
import { BACKUP_LEASE } from '../src/jobs/backup-service.ts';
import { createLeaseRepository } from '../src/data/lease-repository.ts';
import { startFakeServices, startObservability } from './support.ts';

// Scheduled backups' engine through observability's own API: "Back up now", retention of exactly
// the configured archives (folders and S3 objects), CONFLICT for a second one, failures recorded,
// and attempts of a dead process marked FAILED. The backed-up database is a PGlite directory
// under DATA_DIR that no process holds, which runBackup opens itself.

const admin = userPrincipal('ADMIN');
const START = 'mutation { startBackup { id status trigger startedAt } }';
const BACKUPS = '{ backups(first: 50) { id status trigger sizeBytes localPath s3Url error downloadPath finishedAt } }';
const SETTINGS = '{ backupSettings { schedule nextRunAt keepLast keepDaily keepWeekly s3Enabled lastSucceededAt } }';
const FEED = '{ activity(first: 50) { edges { node { kind source aggregateId details } } } }';

async function seededDataDir() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-backups-int-'));
  const pglite = await createPGlite(path.join(dataDir, 'stores', 'pglite'));
  await pglite.exec(
    `CREATE TABLE "Thing" (id int PRIMARY KEY, name text); INSERT INTO "Thing" VALUES (1, 'one'), (2, 'two');`,
  );
  await pglite.close();
  return dataDir;
}

const tarEntries = async (body: Readable) => {
  const entries: string[] = [];
  await pipeline(body, new Parser({ onReadEntry: (entry) => (entries.push(entry.path), entry.resume()) }));
  return entries;
};

describe.each(TEST_BACKENDS)('backups taken by observability (%s)', (backend) => {
  it('takes backups on demand, keeps exactly BACKUP_KEEP of them locally and in S3, refuses a second at once', async () => {
    const dataDir = await seededDataDir();
    const backupDir = path.join(dataDir, 'backups');
    const fakes = await startFakeServices();
    const s3 = await startS3Server();
    const observability = await startObservability(backend, {
      ...fakes.env,
      ...s3.env,
      DATA_DIR: dataDir,
      BACKUP_DIR: backupDir,
      BACKUP_KEEP: '2last',
      BACKUP_SCHEDULE: 'off',
    });
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: s3.credentials,
    });
    try {
      const settings = (await observability.call(admin, SETTINGS)).data!.backupSettings;
      expect(settings).toEqual({
        schedule: null,
        nextRunAt: null,
        keepLast: 2,
        keepDaily: 0,
        keepWeekly: 0,
        s3Enabled: true,
        lastSucceededAt: null,
      });

      const ids: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const [first, second] = await Promise.all([observability.call(admin, START), observability.call(admin, START)]);
        // Exactly one of two simultaneous requests starts a backup.
        const started = [first, second].filter((r) => !r.errors);
        expect(started).toHaveLength(1);
        expect([first, second].map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
        const backup = started[0]!.data!.startBackup;
        expect(backup).toMatchObject({ status: 'RUNNING', trigger: 'MANUAL' });
        ids.push(backup.id);
        const done = await eventually(async () => {
          const rows = (await observability.call(admin, BACKUPS)).data!.backups;
          const row = rows.find((b: { id: string }) => b.id === backup.id);
          return row.status === 'RUNNING' ? undefined : row;
        });
        expect(done).toMatchObject({ status: 'SUCCEEDED', error: null });
      }

      // Retention runs just after a backup is recorded SUCCEEDED: wait for the last one's.
      const kept = ids.slice(-2).reverse();
      const rows = await eventually(async () => {
        const all = (await observability.call(admin, BACKUPS)).data!.backups;
        return all.length === kept.length ? all : undefined;
      });
      expect(rows.map((b: { id: string }) => b.id)).toEqual(kept);
      for (const row of rows) {
        expect(row).toMatchObject({
          status: 'SUCCEEDED',
          localPath: path.join(backupDir, row.id),
          s3Url: `s3://${s3.bucket}/${s3.prefix}/${row.id}.tar.gz`,
          downloadPath: `/exports/observability.tar.gz?backup=${row.id}`,
          error: null,
        });
        expect(row.sizeBytes).toBeGreaterThan(0);
      }
      expect(readdirSync(backupDir).sort()).toEqual([...kept].sort());
      const objects = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${s3.prefix}/` }));
      expect((objects.Contents ?? []).map((o) => o.Key).sort()).toEqual(
        kept.map((id) => `${s3.prefix}/${id}.tar.gz`).sort(),
      );
      const object = await client.send(
        new GetObjectCommand({ Bucket: s3.bucket, Key: `${s3.prefix}/${kept[0]}.tar.gz` }),
      );
      expect((await tarEntries(object.Body as Readable)).sort()).toEqual(
        expect.arrayContaining([`${kept[0]}/manifest.json`, `${kept[0]}/SHA256SUMS`, `${kept[0]}/stores/data.jsonl`]),
      );
      expect((await observability.call(admin, SETTINGS)).data!.backupSettings.lastSucceededAt).toBe(rows[0].finishedAt);
    } finally {
      client.destroy();
      await observability.stop();
      await s3.close();
      await fakes.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('records a failed backup as FAILED with its reason and a BackupFailed activity entry; admins only', async () => {
    const dataDir = await seededDataDir();
    // A file where the folder should be: nothing can be written there.
    const backupDir = path.join(dataDir, 'not-a-folder');
    writeFileSync(backupDir, '');
    const fakes = await startFakeServices();
    const observability = await startObservability(backend, {
      ...fakes.env,
      DATA_DIR: dataDir,
      BACKUP_DIR: backupDir,
      BACKUP_SCHEDULE: 'off',
    });
    try {
      expect(codeOf(await observability.call(userPrincipal('OPERATOR'), START))).toBe('FORBIDDEN');
      expect(codeOf(await observability.call(userPrincipal('OPERATOR'), BACKUPS))).toBe('FORBIDDEN');
      const { id } = (await observability.call(admin, START)).data!.startBackup;
      const failed = await eventually(async () => {
        const row = (await observability.call(admin, BACKUPS)).data!.backups[0];
        return row.status === 'FAILED' ? row : undefined;
      });
      expect(failed).toMatchObject({ id, localPath: null, s3Url: null, sizeBytes: null, downloadPath: null });
      expect(failed.error).toMatch(/ENOTDIR|EEXIST/);
      const feed = (await observability.call(admin, FEED)).data!.activity.edges.map((e: any) => e.node);
      expect(feed).toContainEqual(
        expect.objectContaining({ kind: 'BackupFailed', source: 'observability', aggregateId: id }),
      );
      expect(JSON.parse(feed.find((e: any) => e.aggregateId === id).details)).toMatchObject({
        backupId: id,
        error: failed.error,
      });
    } finally {
      await observability.stop();
      await fakes.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('marks an attempt FAILED once its process stopped renewing the lease, not while it does', async () => {
    const dataDir = await seededDataDir();
    const fakes = await startFakeServices();
    const observability = await startObservability(backend, {
      ...fakes.env,
      DATA_DIR: dataDir,
      BACKUP_SCHEDULE: 'off',
    });
    const { db } = observability;
    const leases = createLeaseRepository(db);
    try {
      // What a process killed mid-way leaves: a RUNNING row, its partial folder, a lease that lapses.
      const dead = 'switchyard-20261206T010000.000Z';
      const alive = 'switchyard-20261206T020000.000Z';
      await db.backup.create({ data: { id: dead, trigger: 'SCHEDULED', status: 'RUNNING', startedAt: new Date() } });
      const partial = path.join(dataDir, 'backups', `${dead}.partial`);
      mkdirSync(partial, { recursive: true });
      await db.backup.create({ data: { id: alive, trigger: 'MANUAL', status: 'RUNNING', startedAt: new Date() } });
      // Another replica is still at work on `alive` (it holds the lease): that attempt stays.
      expect(await leases.acquire(BACKUP_LEASE, alive, 60_000)).toBe(true);
      await observability.services.backupService.failAbandoned();
      const rows = (await observability.call(admin, BACKUPS)).data!.backups;
      expect(rows.map((r: any) => [r.id, r.status])).toEqual([
        [alive, 'RUNNING'],
        [dead, 'FAILED'],
      ]);
      expect(rows[1].error).toMatch(/interrupted/);
      expect(existsSync(partial)).toBe(false);
      // …and a new backup is refused while it runs.
      expect(codeOf(await observability.call(admin, START))).toBe('CONFLICT');
    } finally {
      await observability.stop();
      await fakes.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
