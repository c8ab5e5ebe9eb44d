import { randomUUID } from 'node:crypto';
import { csvTemplate, parseCsvImport, type CsvImportError } from '@switchyard/shared/csv-import';
import type { StoreChangeRepository, StoreImportRepository } from '../data/repositories.ts';
import {
  STORE_IMPORT_COLUMNS,
  STORE_IMPORT_IGNORED,
  STORE_IMPORT_LIMITS,
  STORE_IMPORT_REQUIRED,
  validateStoreImport,
} from '../domain/store-import.ts';
import type { Actor, Store } from '../domain/types.ts';
import { storeToCreate } from './store-service.ts';

export interface StoreImportResult {
  valid: boolean;
  rowCount: number;
  errors: CsvImportError[];
  created: Store[];
  /** Shared by the audit entries of the stores created; null when nothing was written. */
  changeId: string | null;
}

export type StoreImportService = ReturnType<typeof createStoreImportService>;

/** The CSV import of stores: a dry run names every problem; applying creates all the stores or none. */
export function createStoreImportService({
  existing,
  changes,
}: {
  existing: StoreImportRepository;
  changes: Pick<StoreChangeRepository, 'createMany'>;
}) {
  return {
    template: () => csvTemplate(STORE_IMPORT_COLUMNS),

    async run(csv: string, apply: boolean, actor: Actor, reason: string | null): Promise<StoreImportResult> {
      const parsed = parseCsvImport(csv, {
        columns: STORE_IMPORT_COLUMNS,
        required: STORE_IMPORT_REQUIRED,
        ignored: STORE_IMPORT_IGNORED,
        ...STORE_IMPORT_LIMITS,
        field: 'csv',
      });
      const rowCount = parsed.rows.length;
      const names = parsed.rows.flatMap((row) => (row.cells.name ? [row.cells.name] : []));
      const checked = validateStoreImport(parsed.rows, await existing.existing(names));
      const errors = [...parsed.errors, ...checked.errors];
      const valid = errors.length === 0 && rowCount > 0;
      if (rowCount === 0 && errors.length === 0) {
        errors.push({ row: 2, column: null, code: 'NO_ROWS', message: 'The CSV has no stores below its header' });
      }
      if (!valid || !apply) return { valid, rowCount, errors, created: [], changeId: null };
      const changeId = randomUUID();
      const created = await changes.createMany(
        checked.stores.map(({ input }) => storeToCreate(input, actor)),
        actor,
        reason,
        changeId,
      );
      return { valid, rowCount, errors, created, changeId };
    },
  };
}
