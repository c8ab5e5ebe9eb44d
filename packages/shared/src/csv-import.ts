import { CsvError, parse } from 'csv-parse/sync';
import { BadUserInputError } from './errors.ts';

/** One problem of an imported CSV, where a spreadsheet shows it: row 1 is the header, column by its header name. */
export interface CsvImportError {
  row: number;
  /** The header name; null when the problem is the whole row (or the file). */
  column: string | null;
  /** SCREAMING_SNAKE, e.g. INVALID_VALUE, MISSING_COLUMN, DUPLICATE, OVERLAP. */
  code: string;
  message: string;
}

/** A data row: its spreadsheet row number and its cells by column name (trimmed; empty cells absent). */
export interface CsvImportRow {
  row: number;
  cells: Record<string, string>;
}

export interface CsvImportOptions {
  /** Columns an importer understands, as the template names them (matched case-insensitively). */
  columns: readonly string[];
  /** Columns that must be in the header. */
  required: readonly string[];
  /** Columns accepted and ignored (e.g. an export's read-only ones, so an export can be edited and re-imported). */
  ignored?: readonly string[];
  maxRows: number;
  maxBytes: number;
  /** The argument the CSV came in, for BAD_USER_INPUT. */
  field: string;
}

export interface ParsedCsvImport {
  rows: CsvImportRow[];
  errors: CsvImportError[];
}

/** Stops parsing a CSV that is too large (BAD_USER_INPUT on `field`); otherwise collects every problem it can name. */
export function parseCsvImport(csv: string, options: CsvImportOptions): ParsedCsvImport {
  const bytes = Buffer.byteLength(csv, 'utf8');
  if (bytes > options.maxBytes) {
    throw new BadUserInputError(options.field, `The CSV is ${bytes} bytes; at most ${options.maxBytes} are accepted`, {
      maxBytes: options.maxBytes,
    });
  }
  let records: string[][];
  try {
    records = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (error as CsvError & { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ row, column: null, code: 'MALFORMED_CSV', message: error.message }] };
  }
  const isBlank = (record: string[]) => record.every((cell) => cell.trim() === '');
  const [header = [], ...body] = records;
  if (isBlank(header)) {
    return {
      rows: [],
      errors: [{ row: 1, column: null, code: 'MISSING_HEADER', message: 'The first row must name the columns' }],
    };
  }
  const dataRows = body.filter((record) => !isBlank(record)).length;
  if (dataRows > options.maxRows) {
    throw new BadUserInputError(
      options.field,
      `The CSV has ${dataRows} rows; at most ${options.maxRows} are accepted`,
      {
        maxRows: options.maxRows,
      },
    );
  }

  const errors: CsvImportError[] = [];
  const known = new Map(options.columns.map((column) => [column.toLowerCase(), column]));
  const ignored = new Set((options.ignored ?? []).map((column) => column.toLowerCase()));
  const names: (string | null)[] = [];
  for (const cell of header) {
    const key = cell.trim().toLowerCase();
    const column = known.get(key);
    if (column && names.includes(column)) {
      errors.push({ row: 1, column, code: 'DUPLICATE_COLUMN', message: `The column ${column} appears twice` });
    } else if (!column && !ignored.has(key)) {
      errors.push({
        row: 1,
        column: cell.trim(),
        code: 'UNKNOWN_COLUMN',
        message: `Unknown column "${cell.trim()}"; the columns are ${options.columns.join(', ')}`,
      });
    }
    names.push(column ?? null);
  }
  for (const column of options.required) {
    if (!names.includes(column)) {
      errors.push({ row: 1, column, code: 'MISSING_COLUMN', message: `The column ${column} is required` });
    }
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: CsvImportRow[] = [];
  body.forEach((record, index) => {
    const row = index + 2;
    if (isBlank(record)) return;
    if (record.length > header.length && record.slice(header.length).some((cell) => cell.trim() !== '')) {
      errors.push({
        row,
        column: null,
        code: 'TOO_MANY_CELLS',
        message: `The row has ${record.length} cells; the header names ${header.length}`,
      });
      return;
    }
    const cells: Record<string, string> = {};
    names.forEach((column, position) => {
      const value = record[position]?.trim();
      if (column && value) cells[column] = value;
    });
    rows.push({ row, cells });
  });
  return { rows, errors };
}

/** The header row of an importer's template, with a line ending a spreadsheet opens cleanly. */
export function csvTemplate(columns: readonly string[]): string {
  return `${columns.join(',')}\r\n`;
}
