import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { CONTEXT_HEADER, SIGNATURE_HEADER, encodeContext, signRequest, type Principal } from '@switchyard/shared';
import { apiKeyPrincipal, userPrincipal } from '@switchyard/testing';
import { formatStoreCode } from '../src/domain/store-code.ts';
import { startStores } from './support.ts';

const STORE_COUNT = 10_000;
const TRICKY_NAMES = ['Comma, Inc.', 'The "Quoted" Shop', 'Two\nLines', 'Ünïcödé ☕', '  padded  ', '=SUM(A1)'];

describe('CSV export of stores', () => {
  let stores: Awaited<ReturnType<typeof startStores>>;

  /** GETs a path of the subgraph signed as the gateway would sign it for `principal`. */
  const signedGet = (path: string, principal: Principal | null) => {
    const context = encodeContext({ principal, requestId: randomUUID(), clientIp: '127.0.0.1', userAgent: 'jest' });
    return fetch(`${stores.baseUrl}${path}`, {
      headers: { [CONTEXT_HEADER]: context, [SIGNATURE_HEADER]: signRequest(stores.secret, context, '') },
    });
  };
  const exportUrl = (filter?: object, orderBy?: object) =>
    `/exports/stores.csv?${new URLSearchParams({ ...(filter ? { filter: JSON.stringify(filter) } : {}), ...(orderBy ? { orderBy: JSON.stringify(orderBy) } : {}) })}`;

  beforeAll(async () => {
    stores = await startStores();
    // Seeded in bulk: creating 10,000 stores one transaction at a time would dominate the run.
    for (let start = 0; start < STORE_COUNT; start += 1_000) {
      await stores.db.store.createMany({
        data: Array.from({ length: 1_000 }, (_, i) => {
          const number = start + i + 1;
          return {
            codeNumber: number,
            code: formatStoreCode(number),
            name: number <= TRICKY_NAMES.length ? TRICKY_NAMES[number - 1]! : `Bulk store ${number}`,
            type: number % 2 ? 'STANDARD' : 'KIOSK',
            status: 'DRAFT',
            addressLine1: 'Main St 1',
            city: number % 10 === 0 ? 'Hamburg' : 'Berlin',
            postalCode: '10115',
            country: 'DE',
            timezone: 'Europe/Berlin',
          } as const;
        }),
      });
    }
  }, 120_000);
  afterAll(() => stores?.stop());

  it('streams every store as CSV that a parser reads back intact', async () => {
    const response = await signedGet(exportUrl(undefined, { field: 'CODE' }), userPrincipal('VIEWER'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="stores-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(rows).toHaveLength(STORE_COUNT);
    // Intact, except that text a spreadsheet would run as a formula is marked as text.
    expect(rows.slice(0, TRICKY_NAMES.length).map((row) => row.name)).toEqual(
      TRICKY_NAMES.map((name) => (name.startsWith('=') ? `'${name}` : name)),
    );
    expect(rows.map((row) => row.code)).toEqual(Array.from({ length: STORE_COUNT }, (_, i) => formatStoreCode(i + 1)));
  }, 60_000);

  it('exports only what the filter matches', async () => {
    const response = await signedGet(exportUrl({ search: 'hamburg', types: ['KIOSK'] }), userPrincipal('VIEWER'));
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(rows).toHaveLength(STORE_COUNT / 10);
    expect(rows.every((row) => row.city === 'Hamburg' && row.type === 'KIOSK')).toBe(true);
  });

  it('exports tags in one cell, separated by semicolons, and filters by tag', async () => {
    await stores.db.store.updateMany({ where: { codeNumber: { in: [3, 4] } }, data: { tags: ['north', 'pilot'] } });
    const response = await signedGet(exportUrl({ tags: ['Pilot'] }, { field: 'CODE' }), userPrincipal('VIEWER'));
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(rows.map((row) => [row.code, row.tags])).toEqual([
      [formatStoreCode(3), 'north;pilot'],
      [formatStoreCode(4), 'north;pilot'],
    ]);
  });

  it('answers bad requests and missing rights with JSON errors', async () => {
    const badFilter = await signedGet('/exports/stores.csv?filter=%7Bnope', userPrincipal('VIEWER'));
    expect(badFilter.status).toBe(400);
    expect(((await badFilter.json()) as any).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter',
    });
    const badStatus = await signedGet(exportUrl({ statuses: ['OPEN'] }), userPrincipal('VIEWER'));
    expect(((await badStatus.json()) as any).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.statuses.0',
    });

    const keyWithoutScope = await signedGet(exportUrl(), apiKeyPrincipal('ADMIN', ['identity:read']));
    expect(keyWithoutScope.status).toBe(403);
    expect(((await keyWithoutScope.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await signedGet(exportUrl(), null);
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${stores.baseUrl}/exports/stores.csv`)).status).toBe(401);
  });
});
