import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bearer, codeOf, eventually, graphql, signedMetrics, startWebhookReceiver } from '@switchyard/testing';
import { login, signedInAs } from '@switchyard/testing/fixtures';
import { BACKENDS, startSystem, type System } from '@switchyard/testing/system';
import { Parser } from 'tar';

// Issue 17 items 4, 5 and 7 through the gateway: a short BACKUP_SCHEDULE takes backups on time,
// BACKUP_KEEP keeps exactly the newest ones, "Back up now" starts one (a second at once is a
// CONFLICT), admins download an archive as .tar.gz, failures are FAILED rows, activity entries
// and a notified alert, the health row goes DOWN, and the stale-backup rule fires once the last
// good backup is older than BACKUP_STALE_AFTER_SECONDS.

const KEEP = 3;
const STALE_AFTER_SECONDS = 12;
const BACKUPS =
  '{ backups(first: 100) { id status trigger startedAt finishedAt sizeBytes localPath error downloadPath } }';
const SETTINGS = '{ backupSettings { schedule nextRunAt keepLast keepDaily keepWeekly s3Enabled lastSucceededAt } }';
const START = 'mutation { startBackup { id status trigger } }';
const SERVICES = '{ services { name kind status error } }';
const ALERTS = '{ alerts(first: 50) { edges { node { id subject status rule { name } } } } }';
const FAILURES = '{ activity(filter: { kinds: ["BackupFailed"] }) { edges { node { aggregateId source details } } } }';

interface BackupRow {
  id: string;
  status: string;
  trigger: string;
  startedAt: string;
  sizeBytes: number | null;
  localPath: string | null;
  error: string | null;
  downloadPath: string | null;
}

async function tarEntries(body: ReadableStream<Uint8Array>) {
  const entries: string[] = [];
  await pipeline(
    Readable.fromWeb(body as never),
    new Parser({ onReadEntry: (entry) => (entries.push(entry.path), entry.resume()) }),
  );
  return entries;
}

describe.each(BACKENDS)('scheduled backups (%s)', (backend) => {
  let system: System;
  let admin: string;
  let backupDir: string;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const gql = (query: string, token = admin) => graphql(system.gatewayUrl, query, {}, bearer(token));
  const rows = async (): Promise<BackupRow[]> => (await gql(BACKUPS)).data.backups;
  const gatewayBase = () => system.gatewayUrl.replace(/\/graphql$/, '');

  beforeAll(async () => {
    backupDir = mkdtempSync(path.join(tmpdir(), 'switchyard-scheduled-backups-'));
    receiver = await startWebhookReceiver();
    system = await startSystem(backend, {
      env: {
        SEED_DEMO_DATA: 'false',
        HUB_POLL_INTERVAL_MS: '600000',
        CHECK_INTERVAL_MS: '1000',
        BACKUP_SCHEDULE: '*/2 * * * * *',
        BACKUP_KEEP: `${KEEP}last`,
        BACKUP_DIR: backupDir,
        BACKUP_STALE_AFTER_SECONDS: String(STALE_AFTER_SECONDS),
        ALERT_WEBHOOK_URLS: receiver.url,
        ALERT_WEBHOOK_SECRET: 'e2e-webhook-secret-of-at-least-32-chars',
      },
    });
    admin = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 180_000);

  afterAll(async () => {
    await system?.destroy();
    await receiver?.close();
    if (backupDir) rmSync(backupDir, { recursive: true, force: true });
  });

  it('takes backups on the schedule and keeps exactly the newest BACKUP_KEEP, on disk too', async () => {
    const settings = (await gql(SETTINGS)).data.backupSettings;
    expect(settings).toMatchObject({ schedule: '*/2 * * * * *', keepLast: KEEP, keepDaily: 0, keepWeekly: 0 });
    expect(Date.parse(settings.nextRunAt) - Date.now()).toBeLessThanOrEqual(2_000);

    const first = await eventually(async () => (await rows()).find((b) => b.status === 'SUCCEEDED'), 60_000, 250);
    // KEEP newer ones, the first one gone, and a quiet moment (no attempt between success and retention).
    const kept = await eventually(
      async () => {
        const good = (await rows()).filter((b) => b.status === 'SUCCEEDED');
        const onDisk = readdirSync(backupDir).filter((name) => !name.endsWith('.partial'));
        const ids = good.map((b) => b.id);
        return (
          good.length === KEEP && !ids.includes(first.id) && onDisk.sort().join() === [...ids].sort().join() && good
        );
      },
      90_000,
      250,
    );
    // Newest first; every one scheduled on an even second (the cron's */2), one at a time.
    expect(kept.map((b) => b.id)).toEqual([...kept.map((b) => b.id)].sort().reverse());
    for (const backup of kept) {
      expect(backup).toMatchObject({
        trigger: 'SCHEDULED',
        localPath: path.join(backupDir, backup.id),
        error: null,
        downloadPath: `/exports/observability.tar.gz?backup=${backup.id}`,
      });
      expect(new Date(backup.startedAt).getUTCSeconds() % 2).toBe(0);
      expect(backup.sizeBytes).toBeGreaterThan(0);
    }

    const services = (await gql(SERVICES)).data.services;
    expect(services.find((s: { name: string }) => s.name === 'backups')).toEqual({
      name: 'backups',
      kind: 'BACKUP',
      status: 'UP',
      error: null,
    });
    const metrics = await signedMetrics(system.subgraphUrls.observability!, system.secrets.internalSigningSecret);
    const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metrics)?.[1]);
    expect(value('backup_last_success_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(value('backup_last_success_size_bytes')).toBeGreaterThan(0);
  }, 180_000);

  it('starts a backup on demand, refusing a second one at the same time', async () => {
    const started = await eventually(
      async () => {
        // The schedule may be taking one right now: then both are refused, and we try again.
        const answers = await Promise.all([gql(START), gql(START)]);
        const ok = answers.filter((answer) => !answer.errors);
        if (ok.length === 0) {
          expect(answers.map(codeOf)).toEqual(['CONFLICT', 'CONFLICT']);
          return undefined;
        }
        expect(ok).toHaveLength(1);
        expect(answers.map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
        return ok[0]!.data.startBackup;
      },
      30_000,
      100,
    );
    expect(started).toMatchObject({ status: 'RUNNING', trigger: 'MANUAL' });
    const done = await eventually(async () => {
      const row = (await rows()).find((b) => b.id === started.id);
      return row && row.status !== 'RUNNING' && row;
    });
    expect(done).toMatchObject({ status: 'SUCCEEDED', trigger: 'MANUAL', error: null });
  }, 60_000);

  it('records failed backups (FAILED, activity, notified alert, health row DOWN) and fires the stale alert', async () => {
    // BACKUP_DIR becomes a file: nothing can be written there any more.
    rmSync(backupDir, { recursive: true, force: true });
    writeFileSync(backupDir, '');
    const failedAt = Date.now();
    const failed = await eventually(async () =>
      (await rows()).find((b) => b.status === 'FAILED' && Date.parse(b.startedAt) >= failedAt - 2_000),
    );
    expect(failed).toMatchObject({ trigger: 'SCHEDULED', localPath: null, sizeBytes: null, downloadPath: null });
    expect(failed.error).toMatch(/ENOTDIR|EEXIST/);

    const entries = (await gql(FAILURES)).data.activity.edges.map((e: { node: unknown }) => e.node);
    const entry = entries.find((e: { aggregateId: string }) => e.aggregateId === failed.id);
    expect(entry).toMatchObject({ source: 'observability' });
    expect(JSON.parse(entry.details)).toMatchObject({ backupId: failed.id, trigger: 'SCHEDULED', error: failed.error });

    const row = await eventually(async () =>
      (await gql(SERVICES)).data.services.find(
        (s: { name: string; status: string }) => s.name === 'backups' && s.status === 'DOWN',
      ),
    );
    expect(row.error).toMatch(/^the last backup failed: /);

    const firing = (name: string) => async () =>
      (await gql(ALERTS)).data.alerts.edges
        .map((e: { node: any }) => e.node)
        .find((a: any) => a.rule.name === name && a.status === 'FIRING');
    const failedAlert = await eventually(firing('Backup failed'));
    expect(failedAlert.subject).toBe('backups');
    await eventually(async () =>
      receiver.received.some((r) => {
        const body = JSON.parse(r.body);
        return body.transition === 'FIRING' && body.alert.rule === 'Backup failed';
      }),
    );
    // No good backup since the failures began: stale once the last good one is older than the threshold.
    const stale = await eventually(firing('Backup stale'), (STALE_AFTER_SECONDS + 30) * 1000, 500);
    expect(stale.subject).toBe('backups');
    const lastGood = (await gql(SETTINGS)).data.backupSettings.lastSucceededAt;
    expect(Date.now() - Date.parse(lastGood)).toBeGreaterThanOrEqual(STALE_AFTER_SECONDS * 1000);

    // Writable again: the next scheduled backup succeeds and both alerts resolve.
    rmSync(backupDir, { force: true });
    mkdirSync(backupDir);
    await eventually(
      async () => {
        const alerts = (await gql(ALERTS)).data.alerts.edges.map((e: { node: any }) => e.node);
        return [failedAlert.id, stale.id].every((id) =>
          alerts.some((a: any) => a.id === id && a.status === 'RESOLVED'),
        );
      },
      60_000,
      500,
    );
  }, 150_000);

  it('downloads an archive as .tar.gz for an admin, refuses a viewer and an anonymous caller', async () => {
    // The newest: retention removes a backup only once KEEP newer ones succeeded, seconds from now.
    const backup = (await rows()).find((b) => b.status === 'SUCCEEDED' && b.downloadPath)!;
    const url = `${gatewayBase()}${backup.downloadPath}`;
    const response = await fetch(url, { headers: bearer(admin) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${backup.id}.tar.gz"`);
    const entries = await tarEntries(response.body!);
    expect(entries).toEqual(
      expect.arrayContaining([
        `${backup.id}/manifest.json`,
        `${backup.id}/SHA256SUMS`,
        `${backup.id}/stores/data.jsonl`,
      ]),
    );

    const viewer = await signedInAs(system.gatewayUrl, admin, 'VIEWER');
    const refused = await fetch(url, { headers: bearer(viewer.token) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gql(BACKUPS, viewer.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(START, viewer.token))).toBe('FORBIDDEN');
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    const unknown = await fetch(`${gatewayBase()}/exports/observability.tar.gz?backup=switchyard-nope`, {
      headers: bearer(admin),
    });
    expect(unknown.status).toBe(404);
  }, 60_000);
});
