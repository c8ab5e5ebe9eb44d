import { csvTemplate, parseCsvImport } from './csv-import.ts';

const options = {
  columns: ['name', 'city', 'notes'],
  required: ['name', 'city'],
  ignored: ['id'],
  maxRows: 3,
  maxBytes: 1000,
  field: 'csv',
};

describe('parseCsvImport', () => {
  it('maps cells to columns by header, case-insensitively, skipping a BOM, blank rows and ignored columns', () => {
    const csv = '\uFEFFID,Name,CITY\r\n1,"Corner, Shop",Berlin\r\n\r\n2,  Kiosk ,"Multi\nline"\r\n';
    expect(parseCsvImport(csv, options)).toEqual({
      rows: [
        { row: 2, cells: { name: 'Corner, Shop', city: 'Berlin' } },
        { row: 4, cells: { name: 'Kiosk', city: 'Multi\nline' } },
      ],
      errors: [],
    });
  });

  it('numbers rows as a spreadsheet does and leaves empty cells out', () => {
    const { rows } = parseCsvImport('name,city,notes\n\n\nA,B,\n', options);
    expect(rows).toEqual([{ row: 4, cells: { name: 'A', city: 'B' } }]);
  });

  it('names header problems in row 1', () => {
    const { errors } = parseCsvImport('name,name,colour\nA,B,C\n', options);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'name', 'DUPLICATE_COLUMN'],
      [1, 'colour', 'UNKNOWN_COLUMN'],
      [1, 'city', 'MISSING_COLUMN'],
    ]);
  });

  it('refuses a row with more cells than the header, and a broken quote', () => {
    expect(parseCsvImport('name,city\nA,B,C\n', options).errors).toEqual([
      expect.objectContaining({ row: 2, column: null, code: 'TOO_MANY_CELLS' }),
    ]);
    expect(parseCsvImport('name,city\nA,"B\n', options).errors).toEqual([
      expect.objectContaining({ code: 'MALFORMED_CSV' }),
    ]);
    expect(parseCsvImport('', options).errors).toEqual([expect.objectContaining({ row: 1, code: 'MISSING_HEADER' })]);
  });

  it('refuses a file over the limits as BAD_USER_INPUT on its field', () => {
    const tooMany = 'name,city\n' + 'A,B\n'.repeat(4);
    expect(() => parseCsvImport(tooMany, options)).toThrow(
      expect.objectContaining({ field: 'csv', code: 'BAD_USER_INPUT' }),
    );
    expect(() => parseCsvImport('name,city\n' + 'x'.repeat(1000), options)).toThrow(
      expect.objectContaining({ field: 'csv', code: 'BAD_USER_INPUT' }),
    );
  });

  it('writes a template header', () => {
    expect(csvTemplate(['a', 'b'])).toBe('a,b\r\n');
  });
});
