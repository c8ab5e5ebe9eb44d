import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { DumpSummary } from './dump-format.ts';
import { DumpReader } from './dump-reader.ts';
import { quoteIdentifier, type SqlSession } from './sql-session.ts';

// Rows per INSERT, and the most text one INSERT carries: bounded memory whatever the table's size.
const BATCH_ROWS = 1_000;
const BATCH_CHARS = 4 * 1024 * 1024;

/** The columns a row can be inserted into (generated columns are computed by the database). */
async function insertableColumns(session: SqlSession, table: string): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [quoteIdentifier(table)],
  );
  if (rows.length === 0) throw new Error(`table ${table} of the backup does not exist at the backup's schema version`);
  return rows.map((row) => quoteIdentifier(row.name));
}

/**
 * Loads a dump file into the database `session` is a transaction on, whose schema is at the dump's
 * migration level and holds at most the rows its migrations seed (e.g. the stores' provisioning
 * templates, version 1): each table is emptied before its rows arrive, since the backup has the
 * table as it was, seeded rows included. Triggers and foreign-key checks are off for the transaction
 * (`session_replication_role = replica`): rows arrive table by table in name order, not in the
 * order of their references, and triggers such as the outbox's position numbering must not re-number
 * what the backup recorded. Each row is read back by PostgreSQL itself from the JSON it printed
 * (`json_populate_recordset`), then every sequence is set to where it stood.
 */
export async function loadDump(session: SqlSession, file: string): Promise<DumpSummary> {
  await session.query('SET LOCAL session_replication_role = replica');
  const reader = new DumpReader();
  let table: string | undefined;
  let columns = '';
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const name = quoteIdentifier(table!);
    await session.query(
      `INSERT INTO ${name} (${columns}) OVERRIDING SYSTEM VALUE
       SELECT ${columns} FROM json_populate_recordset(NULL::${name}, $1::json)`,
      [`[${batch.join(',')}]`],
    );
    batch = [];
    chars = 0;
  };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const control = reader.accept(line);
    if (!control) {
      batch.push(line);
      chars += line.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      continue;
    }
    await flush();
    if (control.kind === 'table') {
      table = control.table;
      columns = (await insertableColumns(session, table)).join(', ');
      await session.query(`DELETE FROM ${quoteIdentifier(table)}`);
    } else if (control.kind === 'sequence') {
      await session.query('SELECT setval(to_regclass($1), $2::bigint, $3)', [
        quoteIdentifier(control.name),
        control.lastValue,
        control.isCalled,
      ]);
    }
  }
  await flush();
  return reader.finish();
}
