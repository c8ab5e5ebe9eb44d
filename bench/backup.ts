// npm run bench:backup [-- --events 100000 --stores 1000]
// Backup and restore time of a system holding N device events and M stores, on embedded PGlite and,
// with TEST_DATABASE_URL set, on PostgreSQL. The rows are inserted with SQL (the API would take far
// longer to make them than the backup takes to copy them); the backup and the restore run in this
// process as `npm run backup` and `npm run restore` run them, from a stopped system.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dropDatabase, openSubgraphDatabase, subgraphDatabaseUrl } from '@switchyard/prisma';
import { loadBackupConfig } from '../prisma/src/backup/config.ts';
import { runBackup } from '../prisma/src/backup/backup.ts';
import { runRestore } from '../prisma/src/backup/restore.ts';
import { SUBGRAPHS } from '@switchyard/shared';
import { PrismaClient as HardwareClient } from '../subgraphs/hardware/src/generated/prisma/client.ts';
import { PrismaClient as StoresClient } from '../subgraphs/stores/src/generated/prisma/client.ts';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '100000' }, stores: { type: 'string', default: '1000' } },
});
const events = Number(values.events);
const stores = Number(values.stores);
const DEVICES = 20;

const STORES_SQL = `INSERT INTO "Store" ("id", "code", "name", "type", "addressLine1", "city", "postalCode", "country", "timezone", "updatedAt")
  SELECT gen_random_uuid(), 'ST-' || lpad(i::text, 5, '0'), 'Bench store ' || i, 'STANDARD', 'Main St ' || i, 'Berlin', '10115', 'DE', 'Europe/Berlin', now()
  FROM generate_series(1, ${stores}) i`;
const HUB_SQL = `INSERT INTO "Hub" ("id", "name", "baseUrl", "appId", "accessTokenEncrypted", "webhookSecretHash", "updatedAt")
  VALUES (gen_random_uuid(), 'Bench hub', 'http://127.0.0.1:9', '1', 'sealed', 'hash', now())`;
const DEVICES_SQL = `INSERT INTO "Device" ("id", "hubId", "hubDeviceId", "name", "label", "capabilities", "commands", "updatedAt")
  SELECT gen_random_uuid(), (SELECT "id" FROM "Hub" LIMIT 1), i::text, 'Meter ' || i, 'Meter ' || i, ARRAY['PowerMeter'], '[]'::jsonb, now()
  FROM generate_series(1, ${DEVICES}) i`;
const EVENTS_SQL = `INSERT INTO "DeviceEvent" ("id", "deviceId", "name", "value", "unit", "description", "source", "receivedAt")
  SELECT gen_random_uuid(), d."id", 'power', (i % 1000)::text, 'W', 'Meter power is ' || (i % 1000) || 'W', 'DEVICE', now() - i * interval '1 second'
  FROM generate_series(1, ${Math.ceil(events / DEVICES)}) i CROSS JOIN "Device" d`;

type Env = Record<string, string | undefined>;

/** Every subgraph's database created and migrated, then the bench rows inserted into stores and hardware. */
async function fill(env: Env): Promise<void> {
  const config = loadBackupConfig(env);
  for (const target of config.subgraphs) {
    const database = await openSubgraphDatabase({
      subgraph: target.name,
      databaseUrl: target.databaseUrl,
      dataDir: config.dataDir,
      poolMax: 1,
    });
    try {
      if (target.name === 'stores') {
        const db = new StoresClient({ adapter: database.adapter });
        await db.$executeRawUnsafe(STORES_SQL);
        await db.$disconnect();
      }
      if (target.name === 'hardware') {
        const db = new HardwareClient({ adapter: database.adapter });
        for (const sql of [HUB_SQL, DEVICES_SQL, EVENTS_SQL]) await db.$executeRawUnsafe(sql);
        await db.$disconnect();
      }
    } finally {
      await database.close();
    }
  }
}

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  return { result, seconds: ((performance.now() - started) / 1000).toFixed(1) };
}

async function measure(backend: string, source: Env, target: Env) {
  const quiet = () => {};
  await fill(source);
  const backup = await timed(() => runBackup(loadBackupConfig(source), quiet));
  const { archive, manifest } = backup.result;
  const bytes = manifest.subgraphs.reduce((sum, s) => sum + s.bytes, 0);
  const restore = await timed(() => runRestore(loadBackupConfig(target), archive, {}, quiet));
  const counts = Object.fromEntries(manifest.subgraphs.map((s) => [s.subgraph, s.rowCounts]));
  return {
    backend,
    deviceEvents: counts.hardware?.DeviceEvent,
    stores: counts.stores?.Store,
    backupSeconds: backup.seconds,
    archiveMiB: (bytes / 2 ** 20).toFixed(1),
    restoreSeconds: restore.seconds,
  };
}

const results = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'switchyard-bench-backup-'));
try {
  const dataDir = (name: string) => path.join(scratch, name);
  results.push(
    await measure(
      'pglite',
      { DATA_DIR: dataDir('source'), BACKUP_DIR: dataDir('backups') },
      { DATA_DIR: dataDir('target') },
    ),
  );
  if (process.env.TEST_DATABASE_URL) {
    const base = (name: string) => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/bench_${name}_${randomUUID().slice(0, 6)}`;
      return url.toString();
    };
    const [source, target] = [base('backup'), base('restore')];
    try {
      results.push(
        await measure('postgresql', { DATABASE_URL: source, BACKUP_DIR: dataDir('backups') }, { DATABASE_URL: target }),
      );
    } finally {
      for (const url of [source, target])
        for (const { name } of SUBGRAPHS) await dropDatabase(subgraphDatabaseUrl(url, name)).catch(() => {});
    }
  } else {
    console.log('(TEST_DATABASE_URL unset: PostgreSQL skipped)');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.table(results);
