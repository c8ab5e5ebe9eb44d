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

  it('corrects an asset: absent fields stay, a taken serial number is CONFLICT at its field, an unknown asset NOT_FOUND', async () => {
    const UPDATE =
      'mutation ($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { kind serialNumber model vendor notes status } }';
    const asset = await newAsset('ROUTER');
    const other = await newAsset('ROUTER');
    const updated = await call(UPDATE, { id: asset.id, input: { model: ' MX75 ', notes: 'rack 2' } });
    expect(updated.data!.updateAsset).toEqual({
      kind: 'ROUTER',
      serialNumber: asset.serialNumber,
      model: 'MX75',
      vendor: 'Meraki',
      notes: 'rack 2',
      status: 'IN_STOCK',
    });
    const cleared = await call(UPDATE, { id: asset.id, input: { notes: '', kind: 'SWITCH' } });
    expect(cleared.data!.updateAsset).toMatchObject({ kind: 'SWITCH', notes: null, model: 'MX75' });
    const taken = await call(UPDATE, { id: asset.id, input: { serialNumber: other.serialNumber.toLowerCase() } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.serialNumber' });
    const blank = await call(UPDATE, { id: asset.id, input: { model: '  ' } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.model' });
    expect(codeOf(await call(UPDATE, { id: randomUUID(), input: { model: 'X' } }))).toBe('NOT_FOUND');
    expect(codeOf(await call(UPDATE, { id: randomUUID(), input: {} }))).toBe('NOT_FOUND');
    const viewer = await hardware.call(UPDATE, { id: asset.id, input: { model: 'X' } }, userPrincipal('VIEWER'));
    expect(codeOf(viewer)).toBe('FORBIDDEN');
    expect((await hardware.db.asset.findUniqueOrThrow({ where: { id: asset.id } })).model).toBe('MX75');
  });

  it('retires an asset for good, closing its allocation, and refuses anything after', async () => {
    const RETIRE = 'mutation ($id: ID!) { retireAsset(assetId: $id) { status store { id } } }';
    const asset = await newAsset('CAMERA');
    const storeId = randomUUID();
    await call(ALLOCATE, { assetId: asset.id, storeId });
    expect((await call(RETIRE, { id: asset.id })).data!.retireAsset).toEqual({ status: 'RETIRED', store: null });
    const open = await hardware.db.assetAllocation.count({ where: { assetId: asset.id, releasedAt: null } });
    expect(open).toBe(0);
    const again = await call(RETIRE, { id: asset.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toBe(
      'Cannot retire an asset that is retired (it must be in stock or allocated or faulty)',
    );
    expect(codeOf(await call(ALLOCATE, { assetId: asset.id, storeId }))).toBe('CONFLICT');
    expect(codeOf(await call(FAULTY, { id: asset.id }))).toBe('CONFLICT');
    const faulty = await newAsset('CAMERA');
    await call(FAULTY, { id: faulty.id });
    expect((await call(RETIRE, { id: faulty.id })).data!.retireAsset.status).toBe('RETIRED');
    expect(codeOf(await hardware.call(RETIRE, { id: asset.id }, userPrincipal('VIEWER')))).toBe('FORBIDDEN');
  });

  it("releases every asset of a store at once, and only that store's", async () => {
    const RELEASE_ALL = 'mutation ($storeId: ID!) { releaseStoreAssets(storeId: $storeId) { id status store { id } } }';
    const storeId = randomUUID();
    const elsewhere = randomUUID();
    const [a, b, c] = [await newAsset('POS_TERMINAL'), await newAsset('PRINTER'), await newAsset('ROUTER')];
    await call(ALLOCATE, { assetId: a.id, storeId });
    await call(ALLOCATE, { assetId: b.id, storeId });
    await call(ALLOCATE, { assetId: c.id, storeId: elsewhere });
    expect(codeOf(await hardware.call(RELEASE_ALL, { storeId }, userPrincipal('VIEWER')))).toBe('FORBIDDEN');
    const released = (await call(RELEASE_ALL, { storeId })).data!.releaseStoreAssets;
    expect(released.map((asset: { id: string }) => asset.id).sort()).toEqual([a.id, b.id].sort());
    expect(
      released.every((asset: { status: string; store: unknown }) => asset.status === 'IN_STOCK' && !asset.store),
    ).toBe(true);
    expect((await hardware.db.asset.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('ALLOCATED');
    expect(await hardware.db.assetAllocation.count({ where: { storeId, releasedAt: null } })).toBe(0);
    const events = await hardware.db.outboxEvent.count({
      where: { type: 'AssetReleased', aggregateId: { in: [a.id, b.id] } },
    });
    expect(events).toBe(2);
    expect((await call(RELEASE_ALL, { storeId })).data!.releaseStoreAssets).toEqual([]);
  });
});
