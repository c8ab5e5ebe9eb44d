import { TEST_BACKENDS, userPrincipal } from '@switchyard/testing';
import { storeImportCsv, storeInput } from '@switchyard/testing/fixtures';
import { startStores } from './support.ts';

const IMPORT = `mutation ($csv: String!, $apply: Boolean, $reason: String) {
  importStores(csv: $csv, apply: $apply, reason: $reason) {
    valid rowCount changeId errors { row column code message } created { id code name network { subnet } }
  }
}`;
const CREATE = 'mutation ($input: CreateStoreInput!) { createStore(input: $input) { id code } }';
const AUDIT = 'query ($id: ID!) { store(id: $id) { auditLog { edges { node { action reason changeId } } } } }';

describe.each(TEST_BACKENDS)('CSV import of stores (%s)', (backend) => {
  let stores: Awaited<ReturnType<typeof startStores>>;
  const operator = userPrincipal('OPERATOR');
  const importCsv = async (csv: string, apply = false, principal = operator, reason?: string) =>
    stores.call(principal, IMPORT, { csv, apply, reason });
  const storeCount = () => stores.db.store.count();

  beforeAll(async () => {
    stores = await startStores(backend);
  });
  afterAll(() => stores?.stop());

  it('answers the template, whose header a valid import uses', async () => {
    const template = await stores.call(userPrincipal('VIEWER'), '{ storeImportTemplate }');
    expect(template.data?.storeImportTemplate).toBe(storeImportCsv(0).split('\n')[0] + '\r\n');
  });

  it('dry-runs without writing, then creates every store in one change with its audit entry and event', async () => {
    const csv = storeImportCsv(25);
    const before = await storeCount();
    const dry = (await importCsv(csv)).data?.importStores;
    expect(dry).toMatchObject({ valid: true, rowCount: 25, errors: [], created: [], changeId: null });
    expect(await storeCount()).toBe(before);

    const applied = (await importCsv(csv, true, operator, 'opening wave')).data?.importStores;
    expect(applied).toMatchObject({ valid: true, rowCount: 25, errors: [] });
    expect(applied.created).toHaveLength(25);
    expect(applied.created[0]).toMatchObject({
      name: expect.stringMatching(/ 1$/),
      code: expect.stringMatching(/^ST-/),
    });
    expect(await storeCount()).toBe(before + 25);

    const ids = applied.created.map((store: { id: string }) => store.id);
    const audit = await stores.db.storeAuditEntry.findMany({ where: { storeId: { in: ids } } });
    expect(audit).toHaveLength(25);
    expect(new Set(audit.map((entry) => entry.changeId))).toEqual(new Set([applied.changeId]));
    expect(audit.every((entry) => entry.action === 'CREATED' && entry.reason === 'opening wave')).toBe(true);
    const outbox = await stores.db.outboxEvent.findMany({ where: { aggregateId: { in: ids } } });
    expect(outbox.map((event) => event.type)).toEqual(Array(25).fill('StoreCreated'));
    const steps = await stores.db.provisioningStep.count({ where: { storeId: ids[0] } });
    expect(steps).toBeGreaterThan(0);

    const history = await stores.call(operator, AUDIT, { id: ids[0] });
    expect(history.data?.store.auditLog.edges[0].node).toEqual({
      action: 'CREATED',
      reason: 'opening wave',
      changeId: applied.changeId,
    });

    const again = (await importCsv(csv, true)).data?.importStores;
    expect(again.valid).toBe(false);
    expect(again.errors).toHaveLength(50);
    expect(again.errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['DUPLICATE', 'OVERLAP']));
  });

  it('refuses a file with bad rows as a whole, naming each row and cell; nothing is written', async () => {
    const existing = await stores.call(operator, CREATE, { input: storeInput({ name: 'Already Here' }) });
    expect(existing.errors).toBeUndefined();
    const csv = storeImportCsv(40, (cells, index) => {
      if (index === 3) cells.country = 'Germany';
      if (index === 10) cells.timezone = 'Europe/Atlantis';
      if (index === 11) cells.name = 'already here';
      if (index === 20) cells.gateway = '192.168.1.1';
      if (index === 30) cells.latitude = 'north';
    });
    const before = await storeCount();
    const result = (await importCsv(csv, true)).data?.importStores;
    expect(result).toMatchObject({ valid: false, rowCount: 40, created: [], changeId: null });
    expect(result.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [5, 'country', 'INVALID_VALUE'],
      [12, 'timezone', 'INVALID_VALUE'],
      [13, 'name', 'DUPLICATE'],
      [22, 'gateway', 'INVALID_VALUE'],
      [32, 'latitude', 'INVALID_VALUE'],
    ]);
    expect(result.errors[2].message).toBe(`Store ${existing.data!.createStore.code} already has this name`);
    expect(await storeCount()).toBe(before);
  });

  it('names the row a subnet overlaps, in the file and in the estate', async () => {
    const taken = await stores.call(operator, CREATE, {
      input: storeInput({
        network: {
          vlanId: 5,
          subnet: '10.250.0.0/24',
          gateway: '10.250.0.1',
          dhcpRange: { start: '10.250.0.10', end: '10.250.0.20' },
        },
      }),
    });
    const csv = storeImportCsv(3, (cells, index) => {
      if (index === 0)
        Object.assign(cells, {
          subnet: '10.250.0.16/28',
          gateway: '10.250.0.17',
          dhcpStart: '10.250.0.18',
          dhcpEnd: '10.250.0.30',
        });
      if (index === 2)
        Object.assign(cells, {
          subnet: '10.251.0.0/16',
          gateway: '10.251.0.1',
          dhcpStart: '10.251.0.2',
          dhcpEnd: '10.251.0.9',
        });
    });
    const result = (await importCsv(csv)).data?.importStores;
    expect(
      result.errors.map((e: { row: number; code: string; message: string }) => [e.row, e.code, e.message]),
    ).toEqual([[2, 'OVERLAP', `The subnet overlaps the subnet of store ${taken.data!.createStore.code}`]]);
  });

  it('refuses header problems and malformed CSV as results, and files over the limits as BAD_USER_INPUT', async () => {
    const header = (await importCsv('name,type,colour\nA,STANDARD,red\n')).data?.importStores;
    expect(header.valid).toBe(false);
    expect(header.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual(
      expect.arrayContaining([
        [1, 'colour', 'UNKNOWN_COLUMN'],
        [1, 'city', 'MISSING_COLUMN'],
      ]),
    );
    const empty = (await importCsv(storeImportCsv(0), true)).data?.importStores;
    expect(empty).toMatchObject({ valid: false, rowCount: 0, errors: [{ code: 'NO_ROWS' }] });
    const broken = (await importCsv(storeImportCsv(1) + '"unclosed,x\n')).data?.importStores;
    expect(broken.errors[0].code).toBe('MALFORMED_CSV');

    const tooMany = await importCsv(storeImportCsv(2001));
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv', maxRows: 2000 });
    const tooBig = await importCsv(storeImportCsv(1) + ' '.repeat(1_000_000));
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
  });

  it('needs OPERATOR to import', async () => {
    const viewer = await importCsv(storeImportCsv(1), false, userPrincipal('VIEWER'));
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('exports that import cleanly as new stores once renamed and re-addressed', async () => {
    // An export's read-only columns (id, code, status…) are accepted and ignored.
    const csv = storeImportCsv(2)
      .replace(/^name,/, 'id,code,status,name,')
      .replace(/\nImported/g, '\nx,ST-9,ACTIVE,Imported');
    const result = (await importCsv(csv)).data?.importStores;
    expect(result).toMatchObject({ valid: true, rowCount: 2, errors: [] });
  });
});
