import { z } from 'zod';

/**
 * A subgraph's dump is JSON lines. A line that starts with `{` is one row of the table named by the
 * last `table` line, exactly as PostgreSQL's `row_to_json` wrote it; every other line is a JSON array
 * whose first element says what it is:
 *
 *   ["header", { format, subgraph, source, location, startedAt, migrations }]
 *   ["table", "<name>"]                      rows of that table follow
 *   ["sequence", "<name>", "<last value>", <is called>]
 *   ["end", { rowCounts }]                   absent when the dump was cut short
 *
 * Rows are kept as PostgreSQL printed them, so nothing is parsed or re-encoded on the way and a row
 * loads back with `json_populate_recordset` on PGlite and PostgreSQL alike.
 */
export const DUMP_FORMAT = 'switchyard-dump/1';

export const migrationRecord = z.object({ name: z.string(), checksum: z.string() });
export type MigrationRecord = z.infer<typeof migrationRecord>;

export const dumpHeader = z.object({
  format: z.literal(DUMP_FORMAT),
  subgraph: z.string(),
  source: z.enum(['pglite', 'postgresql']),
  /** The PGlite folder, or `database "x" on host:port` (never credentials). */
  location: z.string(),
  startedAt: z.string(),
  migrations: z.array(migrationRecord),
});
export type DumpHeader = z.infer<typeof dumpHeader>;

export const dumpEnd = z.object({ rowCounts: z.record(z.string(), z.number().int().nonnegative()) });
export type DumpSummary = DumpHeader & z.infer<typeof dumpEnd>;

export type ControlLine =
  | { kind: 'header'; header: DumpHeader }
  | { kind: 'table'; table: string }
  | { kind: 'sequence'; name: string; lastValue: string; isCalled: boolean }
  | { kind: 'end'; rowCounts: Record<string, number> };

const controlLine = z.union([
  z.tuple([z.literal('header'), dumpHeader]),
  z.tuple([z.literal('table'), z.string().min(1)]),
  z.tuple([z.literal('sequence'), z.string().min(1), z.string().regex(/^-?\d+$/), z.boolean()]),
  z.tuple([z.literal('end'), dumpEnd]),
]);

export function isRowLine(line: string): boolean {
  return line.startsWith('{');
}

/** Parses a line that is not a row; throws on anything else (a damaged or foreign file). */
export function parseControlLine(line: string): ControlLine {
  const parsed = controlLine.safeParse(JSON.parse(line));
  if (!parsed.success) throw new Error(`not a line of a ${DUMP_FORMAT} dump: ${line.slice(0, 80)}`);
  const value = parsed.data;
  switch (value[0]) {
    case 'header':
      return { kind: 'header', header: value[1] };
    case 'table':
      return { kind: 'table', table: value[1] };
    case 'sequence':
      return { kind: 'sequence', name: value[1], lastValue: value[2], isCalled: value[3] };
    case 'end':
      return { kind: 'end', rowCounts: value[1].rowCounts };
  }
}

export const controlLines = {
  header: (header: DumpHeader) => JSON.stringify(['header', header]),
  table: (table: string) => JSON.stringify(['table', table]),
  sequence: (name: string, lastValue: string, isCalled: boolean) =>
    JSON.stringify(['sequence', name, lastValue, isCalled]),
  end: (rowCounts: Record<string, number>) => JSON.stringify(['end', { rowCounts }]),
};
