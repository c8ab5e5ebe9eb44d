import type { CsvImportRow } from '@switchyard/shared/csv-import';
import { validateAssetImport } from './asset-import.ts';

const row = (row: number, cells: Record<string, string>): CsvImportRow => ({
  row,
  cells: { kind: 'router', serialNumber: `sn-${row}`, model: 'MX68', vendor: 'Meraki', ...cells },
});

describe('validateAssetImport', () => {
  it('normalises as createAsset does: kind and serial number upper-cased, empty notes null', () => {
    const { assets, errors } = validateAssetImport([row(2, { kind: 'access point', notes: '' })], new Set());
    expect(errors).toEqual([]);
    expect(assets).toEqual([
      {
        row: 2,
        input: { kind: 'ACCESS_POINT', serialNumber: 'SN-2', model: 'MX68', vendor: 'Meraki', notes: null },
      },
    ]);
  });

  it('names each bad cell, and serial numbers used twice or already in the inventory', () => {
    const { assets, errors } = validateAssetImport(
      [
        row(2, { kind: 'toaster', model: '' }),
        row(3, { serialNumber: 'A 1' }),
        row(4, { serialNumber: 'dup' }),
        row(5, { serialNumber: 'DUP' }),
        row(6, { serialNumber: 'taken' }),
        row(7, {}),
      ],
      new Set(['TAKEN']),
    );
    expect(assets.map((asset) => asset.row)).toEqual([4, 7]);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'kind', 'INVALID_VALUE'],
      [2, 'model', 'INVALID_VALUE'],
      [3, 'serialNumber', 'INVALID_VALUE'],
      [5, 'serialNumber', 'DUPLICATE'],
      [6, 'serialNumber', 'DUPLICATE'],
    ]);
    expect(errors[3]!.message).toBe('The serial number is already used in row 4');
  });
});
