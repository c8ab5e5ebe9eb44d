import type { MigrationList } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { dropDatabase, subgraphDatabaseUrl } from '../src/index.ts';
import { createPGlite, IN_MEMORY } from '../src/create-pglite.ts';
import { pgliteMigrationAdapter, postgresMigrationAdapter } from '../src/migration-adapter.ts';
import { diffMigrationList } from '../src/migration-diff.ts';
import { applyMigrationList, LOCKFILE_CONTENT, migrationsApplied, readMigrations } from '../src/migrations.ts';
import { readSchema } from '../src/subgraph-schemas.ts';

const bareSchema = { path: '/virtual/demo/schema.prisma', content: 'datasource db {\n  provider = "postgresql"\n}\n' };

function migrationList(migrations: Record<string, string>): MigrationList {
  return {
    baseDir: '/virtual/demo/migrations',
    lockfile: { path: 'migration_lock.toml', content: LOCKFILE_CONTENT },
    shadowDbInitScript: '',
    migrationDirectories: Object.entries(migrations).map(([path, sql]) => ({
      path,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: sql } },
    })),
  };
}

// A plpgsql body holds semicolons, and the second migration fails after creating a table.
const history = migrationList({
  '20260101000000_init': `CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY);
CREATE FUNCTION answer() RETURNS INTEGER LANGUAGE plpgsql AS $$ BEGIN RETURN 42; END; $$;
`,
  '20260102000000_broken': `CREATE TABLE "Orphan" ("id" INTEGER);
SELEC 1;
`,
});

interface Queryable {
  query<R extends object>(sql: string): Promise<{ rows: R[] }>;
}

async function expectFailedMigrationHandled(apply: () => Promise<string[]>, db: Queryable): Promise<void> {
  await expect(apply()).rejects.toThrow(
    'demo: applying migrations failed (migration 20260102000000_broken): Error querying the database: ERROR: syntax error at or near "SELEC"',
  );
  const { rows: recorded } = await db.query<{ migration_name: string; finished: boolean }>(
    'SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
  );
  expect(recorded).toEqual([
    { migration_name: '20260101000000_init', finished: true },
    { migration_name: '20260102000000_broken', finished: false },
  ]);
  expect((await db.query<{ answer: number }>('SELECT answer()')).rows).toEqual([{ answer: 42 }]);
  // The failed migration ran as one transaction, so its first statement was rolled back too.
  expect((await db.query<{ orphan: string | null }>(`SELECT to_regclass('"Orphan"')::text AS orphan`)).rows).toEqual([
    { orphan: null },
  ]);
  // Like `prisma migrate deploy`, later runs refuse to continue past a failed migration.
  await expect(apply()).rejects.toThrow('migrate found failed migrations');
}

test('on PGlite a failing migration is reported, recorded as failed and rolled back', async () => {
  const pglite = await createPGlite(IN_MEMORY);
  try {
    await expectFailedMigrationHandled(
      () => applyMigrationList('demo', bareSchema, history, pgliteMigrationAdapter(pglite)),
      pglite,
    );
  } finally {
    await pglite.close();
  }
}, 60_000);

const testDatabaseUrl = process.env.TEST_DATABASE_URL;
(testDatabaseUrl ? test : test.skip)(
  'on PostgreSQL a failing migration is reported, recorded as failed and rolled back',
  async () => {
    const baseUrl = testDatabaseUrl ?? '';
    const url = subgraphDatabaseUrl(
      baseUrl,
      `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
    );
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`).finally(() => admin.end());
    const migrationPool = new pg.Pool({ connectionString: url, max: 1 });
    const pool = new pg.Pool({ connectionString: url });
    try {
      await expectFailedMigrationHandled(
        () => applyMigrationList('demo', bareSchema, history, postgresMigrationAdapter(migrationPool)),
        pool,
      );
    } finally {
      await Promise.all([migrationPool.end(), pool.end()]);
      await dropDatabase(url);
    }
  },
  60_000,
);

test('a database with every migration applied, unchanged, needs no schema engine; any difference does', async () => {
  const pglite = await createPGlite(IN_MEMORY);
  const query = async (sql: string) => (await pglite.query<Record<string, unknown>>(sql)).rows;
  try {
    const first = migrationList({ '20260101000000_init': 'CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY);\n' });
    expect(await migrationsApplied(first, query)).toBe(false);
    await applyMigrationList('demo', bareSchema, first, pgliteMigrationAdapter(pglite));
    expect(await migrationsApplied(first, query)).toBe(true);

    const next = migrationList({
      '20260101000000_init': 'CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY);\n',
      '20260102000000_more': 'CREATE TABLE "More" ("id" INTEGER);\n',
    });
    expect(await migrationsApplied(next, query)).toBe(false);
    const edited = migrationList({ '20260101000000_init': 'CREATE TABLE "Item" ("id" BIGINT PRIMARY KEY);\n' });
    expect(await migrationsApplied(edited, query)).toBe(false);
    await pglite.query(`UPDATE _prisma_migrations SET finished_at = NULL`);
    expect(await migrationsApplied(first, query)).toBe(false);
  } finally {
    await pglite.close();
  }
}, 60_000);

describe('drift between schema.prisma and the migrations', () => {
  test('a schema change shows up as the SQL of the missing migration', async () => {
    const schema = await readSchema('identity');
    const changed = {
      ...schema,
      content: schema.content.replace(/^(\s*email\s+String\s+@unique)$/m, '$1\n  phone String?'),
    };
    expect(changed.content).not.toBe(schema.content);
    const sql = await diffMigrationList('identity', changed, await readMigrations('identity'));
    expect(sql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"phone" TEXT;/);
  }, 60_000);

  test('an empty history needs the whole schema', async () => {
    const schema = await readSchema('identity');
    const sql = await diffMigrationList('identity', schema, migrationList({}));
    expect(sql).toContain('CREATE TABLE "User"');
    expect(sql).toContain(`CREATE TYPE "Role" AS ENUM ('ADMIN', 'OPERATOR', 'VIEWER');`);
  }, 60_000);
});
