import { csvTemplate, parseCsvImport, type CsvImportError } from '@switchyard/shared/csv-import';
import type { AssetImportRepository } from '../data/repositories.ts';
import {
  ASSET_IMPORT_COLUMNS,
  ASSET_IMPORT_IGNORED,
  ASSET_IMPORT_LIMITS,
  ASSET_IMPORT_REQUIRED,
  validateAssetImport,
} from '../domain/asset-import.ts';
import type { Asset } from '../domain/types.ts';

export interface AssetImportResult {
  valid: boolean;
  rowCount: number;
  errors: CsvImportError[];
  created: Asset[];
}

export type AssetImportService = ReturnType<typeof createAssetImportService>;

/** The CSV import of assets: a dry run names every problem; applying creates all the assets or none. */
export function createAssetImportService(repository: AssetImportRepository) {
  return {
    template: () => csvTemplate(ASSET_IMPORT_COLUMNS),

    async run(csv: string, apply: boolean): Promise<AssetImportResult> {
      const parsed = parseCsvImport(csv, {
        columns: ASSET_IMPORT_COLUMNS,
        required: ASSET_IMPORT_REQUIRED,
        ignored: ASSET_IMPORT_IGNORED,
        ...ASSET_IMPORT_LIMITS,
        field: 'csv',
      });
      const rowCount = parsed.rows.length;
      const serials = parsed.rows.flatMap((row) =>
        row.cells.serialNumber ? [row.cells.serialNumber.toUpperCase()] : [],
      );
      const checked = validateAssetImport(parsed.rows, await repository.existingSerials(serials));
      const errors = [...parsed.errors, ...checked.errors];
      const valid = errors.length === 0 && rowCount > 0;
      if (rowCount === 0 && errors.length === 0) {
        errors.push({ row: 2, column: null, code: 'NO_ROWS', message: 'The CSV has no assets below its header' });
      }
      if (!valid || !apply) return { valid, rowCount, errors, created: [] };
      const created = await repository.createMany(checked.assets.map((asset) => asset.input));
      return { valid, rowCount, errors, created };
    },
  };
}
