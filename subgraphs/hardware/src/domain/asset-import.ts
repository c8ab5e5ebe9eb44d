import type { CsvImportError, CsvImportRow } from '@switchyard/shared/csv-import';
import { createAssetSchema } from './asset-input.ts';
import type { AssetKind } from './types.ts';

/** The template's columns: the createAsset fields. */
export const ASSET_IMPORT_COLUMNS = ['kind', 'serialNumber', 'model', 'vendor', 'notes'] as const;
type Column = (typeof ASSET_IMPORT_COLUMNS)[number];
export const ASSET_IMPORT_REQUIRED: readonly Column[] = ['kind', 'serialNumber', 'model', 'vendor'];
/** Read-only columns a list copied from elsewhere may carry; accepted and ignored. */
export const ASSET_IMPORT_IGNORED = ['id', 'status', 'store', 'createdAt', 'updatedAt'];
/** As for stores: within the 1 MiB request body the gateway and the subgraph accept. */
export const ASSET_IMPORT_LIMITS = { maxRows: 2000, maxBytes: 1_000_000 } as const;

export interface ImportedAsset {
  row: number;
  input: { kind: AssetKind; serialNumber: string; model: string; vendor: string; notes: string | null };
}

/**
 * Each row through createAssetSchema (createAsset's rules, every problem named by its column), then
 * serial numbers (compared upper-cased, as stored) used twice in the file or already in the inventory.
 */
export function validateAssetImport(
  rows: readonly CsvImportRow[],
  existingSerials: ReadonlySet<string>,
): { assets: ImportedAsset[]; errors: CsvImportError[] } {
  const errors: CsvImportError[] = [];
  const assets: ImportedAsset[] = [];
  const rowBySerial = new Map<string, number>();
  for (const { row, cells } of rows) {
    const parsed = createAssetSchema.safeParse({
      kind: (cells.kind ?? '').toUpperCase().replace(/[\s-]+/g, '_'),
      serialNumber: cells.serialNumber ?? '',
      model: cells.model ?? '',
      vendor: cells.vendor ?? '',
      notes: cells.notes ?? null,
    });
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? 'kind');
        if (seen.has(column)) continue;
        seen.add(column);
        errors.push({ row, column, code: 'INVALID_VALUE', message: `${column}: ${issue.message}` });
      }
      continue;
    }
    const serial = parsed.data.serialNumber;
    const earlier = rowBySerial.get(serial);
    if (earlier !== undefined) {
      errors.push({
        row,
        column: 'serialNumber',
        code: 'DUPLICATE',
        message: `The serial number is already used in row ${earlier}`,
      });
    } else if (existingSerials.has(serial)) {
      errors.push({
        row,
        column: 'serialNumber',
        code: 'DUPLICATE',
        message: `An asset with serial number ${serial} is already in the inventory`,
      });
    } else {
      rowBySerial.set(serial, row);
      assets.push({ row, input: parsed.data });
    }
  }
  return { assets, errors };
}
