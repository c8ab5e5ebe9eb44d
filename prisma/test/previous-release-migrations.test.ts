import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { dropDatabase, subgraphDatabaseUrl } from '../src/index.ts';
import { createPGlite, IN_MEMORY } from '../src/create-pglite.ts';
import { pgliteMigrationAdapter, postgresMigrationAdapter } from '../src/migration-adapter.ts';
import { applyMigrationList, readMigrations, type SqlRows } from '../src/migrations.ts';
import { readSchema } from '../src/subgraph-schemas.ts';

// A rollback (`kubectl rollout undo`, or an older SWITCHYARD_VERSION in Compose) starts the previous
// release on a database the new release has migrated: its migration run at start, and its migrate
// Job, must accept migrations it does not know and apply nothing. Expand-then-contract migrations
// (prisma/src/expand-contract.ts) are what make the schema it then finds one it still works with.
interface Backend {
  adapter: () => SqlMigrationAwareDriverAdapterFactory;
  query: SqlRows;
  close: () => Promise<void>;
}

async function pglite(): Promise<Backend> {
  const db = await createPGlite(IN_MEMORY);
  return {
    adapter: () => pgliteMigrationAdapter(db),
    query: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows,
    close: () => db.close(),
  };
}

async function postgres(): Promise<Backend> {
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const url = subgraphDatabaseUrl(
    baseUrl,
    `rollback_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
  );
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`).finally(() => admin.end());
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    adapter: () => postgresMigrationAdapter(pool),
    query: async (sql) => (await pool.query(sql)).rows,
    close: async () => {
      await pool.end();
      await dropDatabase(url);
    },
  };
}

const backends: [string, () => Promise<Backend>][] = [['PGlite', pglite]];
if (process.env.TEST_DATABASE_URL) backends.push(['PostgreSQL', postgres]);

test.each(backends)(
  'on %s the previous release starts on a database migrated ahead of it: nothing applied, nothing refused',
  async (_, open) => {
    const current = await readMigrations('stores');
    const previous = { ...current, migrationDirectories: current.migrationDirectories.slice(0, -1) };
    const newest = current.migrationDirectories.at(-1)!.path;
    const schema = await readSchema('stores');
    const backend = await open();
    try {
      expect(await applyMigrationList('stores', schema, current, backend.adapter())).toContain(newest);
      expect(await applyMigrationList('stores', schema, previous, backend.adapter())).toEqual([]);
      const applied = await backend.query(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      expect(applied.map((row) => row.migration_name)).toContain(newest);
    } finally {
      await backend.close();
    }
  },
  60_000,
);
