import { isRowLine, parseControlLine, type ControlLine, type DumpHeader, type DumpSummary } from './dump-format.ts';

/**
 * Follows a dump line by line and checks its shape: a header first, rows only after a table line,
 * nothing after the end line, and per table as many rows as the end line says. A dump cut short
 * (a stream that broke, a truncated file) has no end line and fails `finish`.
 */
export class DumpReader {
  private header: DumpHeader | undefined;
  private table: string | undefined;
  private readonly counts: Record<string, number> = {};
  private ended: Record<string, number> | undefined;
  private carry = '';

  /** Feeds text in arbitrary chunks (a stream); returns nothing, use `accept` for whole lines. */
  push(text: string): void {
    const lines = (this.carry + text).split('\n');
    this.carry = lines.pop()!;
    for (const line of lines) this.accept(line);
  }

  /** One whole line: its control record, or null for a row (of `currentTable`). */
  accept(line: string): ControlLine | null {
    if (this.ended) throw new Error('the dump goes on after its end line');
    if (isRowLine(line)) {
      if (!this.table) throw new Error('a row before any table line');
      this.counts[this.table] = (this.counts[this.table] ?? 0) + 1;
      return null;
    }
    const control = parseControlLine(line);
    if (!this.header && control.kind !== 'header') throw new Error('the dump does not start with its header');
    if (this.header && control.kind === 'header') throw new Error('a second header line');
    if (control.kind === 'header') this.header = control.header;
    if (control.kind === 'table') {
      this.table = control.table;
      this.counts[control.table] = 0;
    }
    if (control.kind === 'end') this.ended = control.rowCounts;
    return control;
  }

  get currentTable(): string | undefined {
    return this.table;
  }

  /** The dump's header and row counts, once every line was read; throws if it is incomplete or inconsistent. */
  finish(): DumpSummary {
    if (this.carry !== '') this.accept(this.carry);
    this.carry = '';
    if (!this.header) throw new Error('the dump is empty');
    if (!this.ended) throw new Error('the dump was cut short (no end line)');
    const expected = JSON.stringify(Object.entries(this.ended).sort());
    if (JSON.stringify(Object.entries(this.counts).sort()) !== expected) {
      throw new Error(`the dump's rows do not match its end line (${expected})`);
    }
    return { ...this.header, rowCounts: this.ended };
  }
}
