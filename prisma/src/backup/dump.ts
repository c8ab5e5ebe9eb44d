import { controlLines, DUMP_FORMAT, type DumpSummary, type MigrationRecord } from './dump-format.ts';
import { quoteIdentifier, type SqlSession } from './sql-session.ts';

/** Receives the dump in chunks of whole lines; the dump waits for it (backpressure). */
export type DumpSink = (chunk: string) => Promise<void> | void;

export interface DumpSource {
  subgraph: string;
  source: 'pglite' | 'postgresql';
  location: string;
  /** Runs `work` in one REPEATABLE READ READ ONLY transaction (see readOnlySnapshot). */
  snapshot: <T>(work: (session: SqlSession) => Promise<T>) => Promise<T>;
}

// Rows fetched per round trip: a few hundred kilobytes in memory at a time, whatever the table's size.
const FETCH_ROWS = 500;
const MIGRATIONS_TABLE = '_prisma_migrations';

/** Tables and sequences of the schema the migrations create (`public`), but Prisma's own bookkeeping. */
export async function listTables(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((row) => row.name);
}

async function listSequences(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

/** The schema version: every migration Prisma recorded as applied (and not rolled back), in order. */
export async function appliedMigrations(session: SqlSession): Promise<MigrationRecord[]> {
  const [table] = await session.query<{ present: boolean }>(
    `SELECT to_regclass('${MIGRATIONS_TABLE}') IS NOT NULL AS present`,
  );
  if (!table?.present) return [];
  return session.query<MigrationRecord>(
    `SELECT migration_name AS name, checksum FROM ${MIGRATIONS_TABLE}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

/**
 * Writes one consistent dump of the database to `sink`: everything is read in a single
 * REPEATABLE READ READ ONLY transaction, so every table is as of the same moment (an audit entry
 * and its store change, an outbox row and its change are in it together or not at all). Rows are
 * read through a cursor and written as they come, so memory does not grow with the database.
 */
export async function dumpDatabase(source: DumpSource, sink: DumpSink): Promise<DumpSummary> {
  return source.snapshot(async (session) => {
    const header = {
      format: DUMP_FORMAT,
      subgraph: source.subgraph,
      source: source.source,
      location: source.location,
      startedAt: new Date().toISOString(),
      migrations: await appliedMigrations(session),
    } as const;
    await sink(`${controlLines.header(header)}\n`);
    const rowCounts: Record<string, number> = {};
    for (const table of await listTables(session)) {
      await sink(`${controlLines.table(table)}\n`);
      rowCounts[table] = await dumpTable(session, table, sink);
    }
    for (const sequence of await listSequences(session)) {
      const [state] = await session.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text AS last_value, is_called FROM ${quoteIdentifier(sequence)}`,
      );
      await sink(`${controlLines.sequence(sequence, state!.last_value, state!.is_called)}\n`);
    }
    await sink(`${controlLines.end(rowCounts)}\n`);
    return { ...header, rowCounts };
  });
}

async function dumpTable(session: SqlSession, table: string, sink: DumpSink): Promise<number> {
  await session.query(
    `DECLARE switchyard_dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoteIdentifier(table)} t`,
  );
  let count = 0;
  for (;;) {
    const rows = await session.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM switchyard_dump`);
    if (rows.length === 0) break;
    count += rows.length;
    await sink(`${rows.map((r) => r.row).join('\n')}\n`);
  }
  await session.query('CLOSE switchyard_dump');
  return count;
}
