import { randomUUID } from 'node:crypto';
import { TEST_BACKENDS, userPrincipal } from '@switchyard/testing';
import { startHardware, type HardwareUnderTest } from './support.ts';

const IMPORT = `mutation ($csv: String!, $apply: Boolean) {
  importAssets(csv: $csv, apply: $apply) { valid rowCount errors { row column code message } created { id serialNumber kind status notes } }
}`;
const CREATE = 'mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id serialNumber } }';

describe.each(TEST_BACKENDS)('CSV import of assets (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  const operator = userPrincipal('OPERATOR');
  const importCsv = async (csv: string, apply = false, principal = operator) =>
    hardware.call(IMPORT, { csv, apply }, principal);
  const csvOf = (count: number, edit: (cells: string[], index: number) => void = () => {}) => {
    const batch = randomUUID().slice(0, 6).toUpperCase();
    const lines = ['kind,serialNumber,model,vendor,notes'];
    for (let index = 0; index < count; index++) {
      const cells = ['ROUTER', `IMP-${batch}-${index + 1}`, 'MX68', 'Meraki', '"Rack 2, shelf 1"'];
      edit(cells, index);
      lines.push(cells.join(','));
    }
    return lines.join('\r\n');
  };

  beforeAll(async () => {
    hardware = await startHardware({ backend });
  });
  afterAll(() => hardware?.stop());

  it('answers the template', async () => {
    const result = await hardware.call('{ assetImportTemplate }', {}, userPrincipal('VIEWER'));
    expect(result.data?.assetImportTemplate).toBe('kind,serialNumber,model,vendor,notes\r\n');
  });

  it('dry-runs without writing, then creates every asset IN_STOCK in one go', async () => {
    const csv = csvOf(30);
    const before = await hardware.db.asset.count();
    const dry = (await importCsv(csv)).data?.importAssets;
    expect(dry).toMatchObject({ valid: true, rowCount: 30, errors: [], created: [] });
    expect(await hardware.db.asset.count()).toBe(before);

    const applied = (await importCsv(csv, true)).data?.importAssets;
    expect(applied.valid).toBe(true);
    expect(applied.created).toHaveLength(30);
    expect(applied.created[0]).toMatchObject({ kind: 'ROUTER', status: 'IN_STOCK', notes: 'Rack 2, shelf 1' });
    expect(await hardware.db.asset.count()).toBe(before + 30);

    const again = (await importCsv(csv, true)).data?.importAssets;
    expect(again).toMatchObject({ valid: false, created: [] });
    expect(again.errors).toHaveLength(30);
    expect(again.errors[0]).toMatchObject({ row: 2, column: 'serialNumber', code: 'DUPLICATE' });
  });

  it('refuses the whole file when rows are bad, naming row and column; nothing is written', async () => {
    const existing = (
      await hardware.call(
        CREATE,
        { input: { kind: 'HUB', serialNumber: `EX-${randomUUID().slice(0, 8)}`, model: 'C-8', vendor: 'Hubitat' } },
        operator,
      )
    ).data!.createAsset;
    const csv = csvOf(10, (cells, index) => {
      if (index === 1) cells[0] = 'TOASTER';
      if (index === 4) cells[1] = existing.serialNumber.toLowerCase();
      if (index === 6) cells[3] = '';
      if (index === 8) cells[1] = cells[1]!.replace(/-9$/, '-8');
    });
    const before = await hardware.db.asset.count();
    const result = (await importCsv(csv, true)).data?.importAssets;
    expect(result).toMatchObject({ valid: false, rowCount: 10, created: [] });
    expect(result.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, 'kind', 'INVALID_VALUE'],
      [6, 'serialNumber', 'DUPLICATE'],
      [8, 'vendor', 'INVALID_VALUE'],
      [10, 'serialNumber', 'DUPLICATE'],
    ]);
    expect(await hardware.db.asset.count()).toBe(before);
  });

  it('refuses header problems as results and oversized files as BAD_USER_INPUT; needs OPERATOR', async () => {
    const header = (await importCsv('kind,serial,model,vendor\nROUTER,X,Y,Z\n')).data?.importAssets;
    expect(header.errors.map((e: { column: string; code: string }) => [e.column, e.code])).toEqual([
      ['serial', 'UNKNOWN_COLUMN'],
      ['serialNumber', 'MISSING_COLUMN'],
    ]);
    const tooMany = await importCsv(csvOf(2001));
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    const viewer = await importCsv(csvOf(1), false, userPrincipal('VIEWER'));
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
