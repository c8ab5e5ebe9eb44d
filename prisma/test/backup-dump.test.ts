import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPGlite, IN_MEMORY } from '../src/create-pglite.ts';
import { dumpDatabase } from '../src/backup/dump.ts';
import { loadDump } from '../src/backup/load.ts';
import {
  pgliteTransactions,
  postgresTransactions,
  readOnlySnapshot,
  type SqlSession,
  type TransactionRunner,
} from '../src/backup/sql-session.ts';
import { dropDatabase } from '../src/postgres-database.ts';
import { withDatabaseName } from '../src/subgraph-database-url.ts';

// A table with the column kinds the subgraphs use (and a few they might), to show that a row
// printed by row_to_json and read back by json_populate_recordset is the same row, on PGlite and
// PostgreSQL alike, in either direction.
const SCHEMA = `
  CREATE TYPE "Kind" AS ENUM ('A', 'B');
  CREATE TABLE "Parent" ("id" uuid PRIMARY KEY);
  CREATE TABLE "Thing" (
    "id" uuid PRIMARY KEY,
    "serial" SERIAL,
    "identity" int GENERATED ALWAYS AS IDENTITY,
    "parentId" uuid REFERENCES "Parent"("id"),
    "kind" "Kind" NOT NULL,
    "text" text, "json" jsonb, "tags" text[], "kinds" "Kind"[], "bytes" bytea,
    "at" timestamp(3), "atZone" timestamptz, "day" date, "real" double precision, "exact" numeric(20, 6),
    "big" bigint, "subnet" inet, "flag" boolean,
    "twice" int GENERATED ALWAYS AS ("serial" * 2) STORED
  );
  CREATE SEQUENCE "Standalone_seq";
  CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'trigger ran'; END $$;
  CREATE TRIGGER "Thing_no_insert" BEFORE INSERT ON "Thing" FOR EACH ROW EXECUTE FUNCTION refuse();
`;

const ROWS = `
  INSERT INTO "Parent" VALUES ('00000000-0000-4000-8000-000000000001');
  INSERT INTO "Thing" ("id", "parentId", "kind", "text", "json", "tags", "kinds", "bytes", "at", "atZone", "day", "real", "exact", "big", "subnet", "flag") VALUES
    ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'B', E'line\\nbreak "quoted" \\\\ ünï', '{"a": [1, 2.5, null], "s": "x"}', ARRAY['a', 'b,c', NULL], ARRAY['A', 'B']::"Kind"[], '\\xdeadbeef',
     '2026-12-06 20:15:30.123', '2026-12-06 20:15:30.123456+02', '2026-02-28', 0.1, 12345678901234.123456, 9007199254740993, '10.1.2.0/24', true),
    ('00000000-0000-4000-8000-00000000000b', NULL, 'A', NULL, '"just a string"', '{}', NULL, NULL, NULL, NULL, NULL, 'NaN', NULL, -1, NULL, NULL);
  SELECT setval('"Standalone_seq"', 41);
  SELECT nextval('"Standalone_seq"');
`;

const DATABASE_ROWS = `SELECT row_to_json(t)::text AS row FROM "Thing" t ORDER BY "id"`;
const SEQUENCES = `SELECT (SELECT last_value FROM "Standalone_seq")::text AS standalone, (SELECT last_value FROM "Thing_serial_seq")::text AS serial`;

interface Backend {
  name: string;
  open(): Promise<{
    session: SqlSession;
    run: TransactionRunner;
    exec(sql: string): Promise<void>;
    close(): Promise<void>;
  }>;
}

const pgliteBackend: Backend = {
  name: 'pglite',
  async open() {
    const pglite: PGlite = await createPGlite(IN_MEMORY);
    return {
      session: { query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows },
      run: pgliteTransactions(pglite),
      exec: async (sql) => void (await pglite.exec(sql)),
      close: () => pglite.close(),
    };
  },
};

function postgresBackend(baseUrl: string): Backend {
  return {
    name: 'postgresql',
    async open() {
      const url = withDatabaseName(baseUrl, `backup_dump_${randomUUID().slice(0, 8)}`);
      const admin = new pg.Client({ connectionString: withDatabaseName(baseUrl, 'postgres') });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
      await admin.end();
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      return {
        session: { query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[] },
        run: postgresTransactions(pool),
        exec: async (sql) => void (await pool.query(sql)),
        async close() {
          await pool.end();
          await backendsGone(baseUrl, url);
          await dropDatabase(url);
        },
      };
    },
  };
}

/**
 * pg's Pool.end() resolves once it has asked its clients to close, before their server processes
 * have gone: dropDatabase would then terminate one mid-exit, and that client reports the
 * termination as an error nobody listens to any more. Wait for them to leave first.
 */
async function backendsGone(baseUrl: string, url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabaseName(baseUrl, 'postgres') });
  await admin.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.end();
  }
}

const backends = [
  pgliteBackend,
  ...(process.env.TEST_DATABASE_URL ? [postgresBackend(process.env.TEST_DATABASE_URL)] : []),
];
const pairs = backends.flatMap((from) => backends.map((to) => [from, to] as const));

describe.each(pairs.map(([from, to]) => [from.name, to.name, from, to] as const))(
  'a dump from %s loads into %s',
  (_from, _to, from, to) => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'switchyard-dump-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('row for row, with sequences, without running triggers or checking references on the way', async () => {
      const source = await from.open();
      const file = join(dir, `${from.name}-${to.name}.jsonl`);
      let expected: unknown;
      try {
        await source.exec(SCHEMA);
        await source.exec('ALTER TABLE "Thing" DISABLE TRIGGER "Thing_no_insert"');
        await source.exec(ROWS);
        await source.exec('ALTER TABLE "Thing" ENABLE TRIGGER "Thing_no_insert"');
        expected = {
          rows: await source.session.query(DATABASE_ROWS),
          sequences: await source.session.query(SEQUENCES),
        };
        let text = '';
        const summary = await dumpDatabase(
          { subgraph: 'test', source: 'pglite', location: 'here', snapshot: readOnlySnapshot(source.run) },
          (chunk) => void (text += chunk),
        );
        expect(summary.rowCounts).toEqual({ Parent: 1, Thing: 2 });
        await writeFile(file, text);
      } finally {
        await source.close();
      }

      const target = await to.open();
      try {
        await target.exec(SCHEMA);
        await target.run('READ WRITE', (session) => loadDump(session, file));
        expect({
          rows: await target.session.query(DATABASE_ROWS),
          sequences: await target.session.query(SEQUENCES),
        }).toEqual(expected);
      } finally {
        await target.close();
      }
    });

    it('refuses a dump that was cut short, and leaves the database as it was', async () => {
      const file = join(dir, `${from.name}-${to.name}.jsonl`);
      const cut = join(dir, 'cut.jsonl');
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
      await writeFile(cut, `${lines.slice(0, -1).join('\n')}\n`);
      const target = await to.open();
      try {
        await target.exec(SCHEMA);
        await expect(target.run('READ WRITE', (session) => loadDump(session, cut))).rejects.toThrow('cut short');
        expect(await target.session.query('SELECT * FROM "Thing"')).toEqual([]);
      } finally {
        await target.close();
      }
    });
  },
);
