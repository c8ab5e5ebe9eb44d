import { randomUUID } from 'node:crypto';
import { createInternalClient, fetchHardwareSummary, hardwareSummaryPath } from '@switchyard/shared';
import { codeOf, userPrincipal } from '@switchyard/testing';
import { startHardware, type HardwareUnderTest } from './support.ts';

const CREATE = 'mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id serialNumber status } }';
const ALLOCATE =
  'mutation ($assetId: ID!, $storeId: ID!) { allocateAsset(assetId: $assetId, storeId: $storeId) { status store { id } } }';
const RELEASE = 'mutation ($id: ID!) { releaseAsset(assetId: $id) { status store { id } } }';
const FAULTY =
  'mutation ($id: ID!) { markAssetFaulty(assetId: $id, notes: "screen cracked") { status notes store { id } } }';

describe('store hardware assets', () => {
  let hardware: HardwareUnderTest;
  const operator = userPrincipal('OPERATOR');
  const call = (query: string, variables: Record<string, unknown> = {}) => hardware.call(query, variables, operator);
  const newAsset = async (kind = 'ROUTER') =>
    (
      await call(CREATE, {
        input: { kind, serialNumber: `SN-${randomUUID().slice(0, 8)}`, model: 'MX68', vendor: 'Meraki' },
      })
    ).data!.createAsset;

  beforeAll(async () => {
    hardware = await startHardware();
  });
  afterAll(() => hardware?.stop());

  it('lets exactly one of ten concurrent allocations of one asset win, and audits it', async () => {
    const asset = await newAsset();
    const stores = Array.from({ length: 10 }, () => randomUUID());
    const results = await Promise.all(stores.map((storeId) => call(ALLOCATE, { assetId: asset.id, storeId })));
    const winners = results.filter((r) => r.data?.allocateAsset);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(9);
    const allocations = await hardware.db.assetAllocation.findMany({ where: { assetId: asset.id } });
    expect(allocations).toHaveLength(1);
    expect(allocations[0]).toMatchObject({
      storeId: winners[0]!.data!.allocateAsset.store.id,
      allocatedBy: operator.userId,
      releasedAt: null,
    });
    expect(await hardware.db.outboxEvent.count({ where: { type: 'AssetAllocated', aggregateId: asset.id } })).toBe(1);
  });

  it('backs the rule with the database: a second open allocation of one asset is refused', async () => {
    const asset = await newAsset();
    await hardware.db.assetAllocation.create({ data: { assetId: asset.id, storeId: 'a' } });
    await expect(
      hardware.db.assetAllocation.create({ data: { assetId: asset.id, storeId: 'b' } }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });

  it('releases to stock, takes a faulty asset out of service, and refuses what its status does not allow', async () => {
    const asset = await newAsset('PRINTER');
    const storeId = randomUUID();
    expect(codeOf(await call(RELEASE, { id: asset.id }))).toBe('CONFLICT');
    await call(ALLOCATE, { assetId: asset.id, storeId });
    expect((await call(RELEASE, { id: asset.id })).data!.releaseAsset).toEqual({ status: 'IN_STOCK', store: null });
    await call(ALLOCATE, { assetId: asset.id, storeId });
    expect((await call(FAULTY, { id: asset.id })).data!.markAssetFaulty).toEqual({
      status: 'FAULTY',
      notes: 'screen cracked',
      store: null,
    });
    expect(codeOf(await call(ALLOCATE, { assetId: asset.id, storeId }))).toBe('CONFLICT');
    const history = await hardware.call(
      'query ($id: ID!) { asset(id: $id) { allocations { store { id } releasedAt releasedBy } } }',
      { id: asset.id },
    );
    expect(history.data!.asset.allocations).toHaveLength(2);
    expect(history.data!.asset.allocations.every((a: { releasedAt: string | null }) => a.releasedAt)).toBe(true);
    const events = await hardware.db.outboxEvent.findMany({
      where: { aggregateId: asset.id },
      orderBy: { sequence: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['AssetAllocated', 'AssetReleased', 'AssetAllocated', 'AssetReleased']);
  });

  it('refuses a duplicate serial number (case-insensitively) and bad input', async () => {
    const asset = await newAsset();
    const duplicate = await call(CREATE, {
      input: { kind: 'ROUTER', serialNumber: asset.serialNumber.toLowerCase(), model: 'MX68', vendor: 'Meraki' },
    });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.serialNumber' });
    const bad = await call(CREATE, {
      input: { kind: 'ROUTER', serialNumber: 'has spaces', model: 'MX68', vendor: 'Meraki' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serialNumber' });
  });

  it('pages and filters assets', async () => {
    const camera = await newAsset('CAMERA');
    const page = await call(
      '{ assets(filter: { kind: CAMERA }, first: 10) { totalCount edges { node { id } } pageInfo { hasNextPage } } }',
    );
    expect(page.data!.assets).toEqual({
      totalCount: 1,
      edges: [{ node: { id: camera.id } }],
      pageInfo: { hasNextPage: false },
    });
  });

  it('summarises a store for the stores subgraph behind the gateway signature', async () => {
    const storeId = randomUUID();
    const asset = await newAsset('SWITCH');
    await call(ALLOCATE, { assetId: asset.id, storeId });
    const url = `${hardware.baseUrl}${hardwareSummaryPath(storeId)}`;
    expect((await fetch(url)).status).toBe(401);
    const client = createInternalClient({ internalSigningSecret: hardware.secret, timeoutMs: 5_000 });
    const summary = await fetchHardwareSummary(
      client,
      hardware.baseUrl,
      { principal: null, requestId: randomUUID(), clientIp: null, userAgent: 'stores' },
      storeId,
    );
    await client.close();
    expect(summary).toEqual({ allocatedAssets: 1, hubs: 0, devices: 0 });
  });

  it('refuses an oversized filter text with BAD_USER_INPUT naming it, before any query', async () => {
    const huge = 'x'.repeat(900_000);
    const assets = await call('query ($f: AssetFilter) { assets(filter: $f) { totalCount } }', { f: { search: huge } });
    expect(assets.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    const devices = await call('query ($f: DeviceFilter) { devices(filter: $f) { totalCount } }', {
      f: { room: huge },
    });
    expect(devices.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.room' });
    const fine = await call('query ($f: AssetFilter) { assets(filter: $f) { totalCount } }', { f: { search: 'rout' } });
    expect(fine.errors).toBeUndefined();
  });
});
