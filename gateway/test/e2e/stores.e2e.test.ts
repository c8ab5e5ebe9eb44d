import { parse } from 'csv-parse/sync';
import { bearer, codesOf, graphql } from '@switchyard/testing';
import {
  createApiKey,
  login,
  signedInAs,
  STORE_FIELDS,
  createStore,
  createStores,
  storeImportCsv,
  storeInput,
  uniqueNetwork,
} from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateStoreInput!) { updateStore(id: $id, expectedVersion: $v, input: $input) { ${STORE_FIELDS} } }`;
const TRANSITION = `mutation ($id: ID!, $to: StoreStatus!, $v: Int!, $reason: String) { transitionStore(id: $id, to: $to, expectedVersion: $v, reason: $reason) { ${STORE_FIELDS} } }`;
const COMPLETE = `mutation ($id: ID!, $key: String!, $v: Int!) { completeProvisioningStep(storeId: $id, key: $key, expectedVersion: $v) { ${STORE_FIELDS} } }`;
const CREATE = `mutation ($input: CreateStoreInput!) { createStore(input: $input) { ${STORE_FIELDS} } }`;
const AUDIT = `query ($id: ID!) { store(id: $id) { auditLog(first: 200) { totalCount edges { node { version action reason actor { kind user { id } } changes { field before after } } } } } }`;

describe.each(ONE_BACKEND)('stores through the gateway (%s)', (backend) => {
  let system: System;
  let gateway: string;
  let admin: string;
  let operator: { id: string; email: string; token: string };

  const call = (query: string, variables: Record<string, unknown> = {}, token = operator.token) =>
    graphql(gateway, query, variables, bearer(token));

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity', 'stores', 'hardware'] });
    gateway = system.gatewayUrl;
    admin = (await login(gateway, system.admin.email, system.admin.password)).accessToken;
    operator = await signedInAs(gateway, admin, 'OPERATOR');
  });
  afterAll(async () => {
    await system?.destroy();
  });

  it('walks a store from draft to decommissioned, refusing invalid moves and early activation', async () => {
    let store = await createStore(gateway, operator.token, { network: uniqueNetwork() });
    expect(store).toMatchObject({ status: 'DRAFT', version: 1, provisioningProgress: 0, openedAt: null });
    expect(store.code).toMatch(/^ST-\d{4,}$/);

    const skip = await call(TRANSITION, { id: store.id, to: 'ACTIVE', v: 1 });
    expect(skip.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
      allowedTargets: ['PROVISIONING'],
    });

    store = (await call(TRANSITION, { id: store.id, to: 'PROVISIONING', v: 1 })).data.transitionStore;
    const early = await call(TRANSITION, { id: store.id, to: 'ACTIVE', v: store.version });
    expect(early.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      openSteps: store.provisioningSteps.map((s: { key: string }) => s.key),
    });

    const withoutAssets = await call(COMPLETE, { id: store.id, key: 'hardware-allocated', v: store.version });
    expect(withoutAssets.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    const asset = await call(
      'mutation { createAsset(input: { kind: ROUTER, serialNumber: "' +
        store.id +
        '", model: "ER-4", vendor: "Ubiquiti" }) { id } }',
      {},
    );
    const allocated = await call('mutation ($a: ID!, $s: ID!) { allocateAsset(assetId: $a, storeId: $s) { status } }', {
      a: asset.data.createAsset.id,
      s: store.id,
    });
    expect(allocated.data.allocateAsset.status).toBe('ALLOCATED');

    for (const { key } of store.provisioningSteps)
      store = (await call(COMPLETE, { id: store.id, key, v: store.version })).data.completeProvisioningStep;
    expect(store.provisioningProgress).toBe(100);

    store = (await call(TRANSITION, { id: store.id, to: 'ACTIVE', v: store.version })).data.transitionStore;
    const openedAt = store.openedAt;
    expect(openedAt).not.toBeNull();
    store = (await call(TRANSITION, { id: store.id, to: 'SUSPENDED', v: store.version, reason: 'renovation' })).data
      .transitionStore;
    store = (await call(TRANSITION, { id: store.id, to: 'ACTIVE', v: store.version })).data.transitionStore;
    expect(store.openedAt).toBe(openedAt);

    const byOperator = await call(TRANSITION, { id: store.id, to: 'DECOMMISSIONED', v: store.version });
    expect(codesOf(byOperator)).toEqual(['FORBIDDEN']);
    store = (await call(TRANSITION, { id: store.id, to: 'DECOMMISSIONED', v: store.version }, admin)).data
      .transitionStore;
    expect(store.status).toBe('DECOMMISSIONED');
    const final = await call(TRANSITION, { id: store.id, to: 'ACTIVE', v: store.version }, admin);
    expect(final.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', allowedTargets: [] });

    const audit = (await call(AUDIT, { id: store.id })).data.store.auditLog;
    expect(audit.totalCount).toBe(store.version);
    expect(audit.edges.map((e: any) => e.node.action)).toEqual([
      'STATUS_CHANGED',
      'STATUS_CHANGED',
      'STATUS_CHANGED',
      'STATUS_CHANGED',
      ...store.provisioningSteps.map(() => 'STEP_COMPLETED'),
      'STATUS_CHANGED',
      'CREATED',
    ]);
    const suspended = audit.edges.find((e: any) => e.node.reason === 'renovation').node;
    expect(suspended.changes).toEqual([{ field: 'status', before: '"ACTIVE"', after: '"SUSPENDED"' }]);
    expect(suspended.actor).toEqual({ kind: 'USER', user: { id: operator.id } });
  });

  it('lets exactly one of 20 concurrent updates at the same version win, and audits only that one', async () => {
    const store = await createStore(gateway, operator.token);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(UPDATE, { id: store.id, v: 1, input: { name: `Contender ${i}` } })),
    );
    const winners = results.filter((r) => r.data?.updateStore);
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => r.errors);
    expect(losers).toHaveLength(19);
    for (const loser of losers)
      expect(loser.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const audit = (await call(AUDIT, { id: store.id })).data.store.auditLog;
    expect(audit.edges.map((e: any) => e.node.action)).toEqual(['UPDATED', 'CREATED']);
    expect(audit.edges[0].node.changes).toEqual([
      { field: 'name', before: JSON.stringify(store.name), after: JSON.stringify(winners[0]!.data.updateStore.name) },
    ]);

    const again = await call(UPDATE, { id: store.id, v: 1, input: { name: 'Late' } });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('refuses overlapping subnets, also when creates race, and names the bad field', async () => {
    const network = uniqueNetwork();
    const racers = await Promise.all(Array.from({ length: 6 }, () => call(CREATE, { input: storeInput({ network }) })));
    expect(racers.filter((r) => r.data?.createStore)).toHaveLength(1);
    for (const loser of racers.filter((r) => r.errors))
      expect(loser.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.network.subnet' });

    const supernet = {
      ...network,
      subnet: network.subnet.replace(/\.\d+\.0\/24$/, '.0.0/16'),
      dhcpRange: { start: network.dhcpRange.start, end: network.dhcpRange.end },
    };
    const other = await createStore(gateway, operator.token);
    const overlapping = await call(UPDATE, { id: other.id, v: 1, input: { network: supernet } });
    expect(overlapping.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.network.subnet' });

    const bad = (overrides: Record<string, unknown>) => call(CREATE, { input: storeInput(overrides) });
    const fresh = uniqueNetwork();
    const cases: [Record<string, unknown>, string][] = [
      [{ network: { ...fresh, vlanId: 0 } }, 'input.network.vlanId'],
      [{ network: { ...fresh, vlanId: 5000 } }, 'input.network.vlanId'],
      [{ network: { ...fresh, subnet: '172.30.0.1/24' } }, 'input.network.subnet'],
      [{ network: { ...fresh, subnet: '300.1.2.0/24' } }, 'input.network.subnet'],
      [{ network: { ...fresh, gateway: '192.168.99.1' } }, 'input.network.gateway'],
      [{ timezone: 'Europe/Atlantis' }, 'input.timezone'],
      [{ address: { line1: 'x', city: 'y', postalCode: '1', country: 'XX' } }, 'input.address.country'],
    ];
    for (const [overrides, field] of cases)
      expect([field, (await bad(overrides)).errors?.[0]?.extensions]).toEqual([
        field,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);

    const suggested = (await call('{ suggestSubnet(prefixLength: 24) }')).data.suggestSubnet;
    expect(suggested).toMatch(/^10\.\d+\.\d+\.0\/24$/);
    expect(
      (
        await call(CREATE, {
          input: storeInput({
            network: {
              vlanId: 7,
              subnet: suggested,
              gateway: suggested.replace(/0\/24$/, '1'),
              dhcpRange: { start: suggested.replace(/0\/24$/, '10'), end: suggested.replace(/0\/24$/, '20') },
            },
          }),
        })
      ).errors,
    ).toBeUndefined();
    expect((await call('{ suggestSubnet(prefixLength: 24) }')).data.suggestSubnet).not.toBe(suggested);
  });

  it('moves many stores at once, each on its own, reporting per store', async () => {
    const stores = await createStores(
      gateway,
      operator.token,
      Array.from({ length: 100 }, () => storeInput()),
    );
    const ahead = stores.slice(0, 5);
    for (const store of ahead) await call(TRANSITION, { id: store.id, to: 'PROVISIONING', v: 1 });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const result = await call(
      'mutation ($ids: [ID!]!) { bulkTransitionStores(ids: $ids, to: PROVISIONING, reason: "wave 1") { succeeded failed results { id ok store { status version } error { code message } } } }',
      { ids: [...stores.map((s) => s.id), unknown] },
    );
    const bulk = result.data.bulkTransitionStores;
    expect([bulk.succeeded, bulk.failed]).toEqual([95, 6]);
    const byId = new Map(bulk.results.map((r: any) => [r.id, r]));
    for (const store of ahead)
      expect(byId.get(store.id)).toMatchObject({ ok: false, store: null, error: { code: 'BAD_USER_INPUT' } });
    expect(byId.get(unknown)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const store of stores.slice(5))
      expect(byId.get(store.id)).toMatchObject({
        ok: true,
        store: { status: 'PROVISIONING', version: 2 },
        error: null,
      });

    const decommission = await call(
      'mutation ($ids: [ID!]!) { bulkTransitionStores(ids: $ids, to: DECOMMISSIONED) { succeeded } }',
      { ids: [stores[0].id] },
    );
    expect(codesOf(decommission)).toEqual(['FORBIDDEN']);
  });

  it('resolves createdBy across subgraphs in one query', async () => {
    const store = await createStore(gateway, operator.token);
    const response = await call('query ($id: ID!) { store(id: $id) { code createdBy { id email role } } }', {
      id: store.id,
    });
    expect(response.data.store).toEqual({
      code: store.code,
      createdBy: { id: operator.id, email: operator.email, role: 'OPERATOR' },
    });
    const byCode = await call('query ($code: String!) { storeByCode(code: $code) { id } }', {
      code: store.code.toLowerCase(),
    });
    expect(byCode.data.storeByCode.id).toBe(store.id);
  });

  it('lets viewers read but not write, and API keys write only with stores:write', async () => {
    const store = await createStore(gateway, operator.token);
    const viewer = await signedInAs(gateway, admin, 'VIEWER');
    expect(
      (await call('query ($id: ID!) { store(id: $id) { name } }', { id: store.id }, viewer.token)).data.store.name,
    ).toBe(store.name);
    expect(codesOf(await call(CREATE, { input: storeInput() }, viewer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await call(UPDATE, { id: store.id, v: 1, input: { name: 'x' } }, viewer.token))).toEqual([
      'FORBIDDEN',
    ]);

    const readOnly = await createApiKey(gateway, operator.token, ['stores:read']);
    const asReadOnly = { 'x-api-key': readOnly.secret };
    expect(
      (await graphql(gateway, 'query ($id: ID!) { store(id: $id) { name } }', { id: store.id }, asReadOnly)).data.store
        .name,
    ).toBe(store.name);
    expect(codesOf(await graphql(gateway, CREATE, { input: storeInput() }, asReadOnly))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql(gateway, TRANSITION, { id: store.id, to: 'PROVISIONING', v: 1 }, asReadOnly))).toEqual(
      ['FORBIDDEN'],
    );

    const writer = await createApiKey(gateway, operator.token, ['stores:read', 'stores:write']);
    const created = await graphql(gateway, CREATE, { input: storeInput() }, { 'x-api-key': writer.secret });
    expect(created.data.createStore.status).toBe('DRAFT');
    const audit = (await call(AUDIT, { id: created.data.createStore.id })).data.store.auditLog;
    expect(audit.edges[0].node.actor).toEqual({ kind: 'API_KEY', user: { id: operator.id } });
  });

  it('keeps a journal of notes, authors resolved by identity, deletable by the author or an admin only', async () => {
    const store = await createStore(gateway, operator.token);
    const ADD_NOTE = `mutation ($id: ID!, $body: String!) { addStoreNote(storeId: $id, body: $body) {
      id body author { kind user { id email } } } }`;
    const DELETE_NOTE = 'mutation ($id: ID!) { deleteStoreNote(id: $id) }';
    const added = (await call(ADD_NOTE, { id: store.id, body: ' Alarm code changed ' })).data.addStoreNote;
    expect(added).toMatchObject({
      body: 'Alarm code changed',
      author: { kind: 'USER', user: { id: operator.id, email: operator.email } },
    });
    const blank = await call(ADD_NOTE, { id: store.id, body: '  ' });
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });

    const [viewer, colleague] = [
      await signedInAs(gateway, admin, 'VIEWER'),
      await signedInAs(gateway, admin, 'OPERATOR'),
    ];
    expect(codesOf(await call(ADD_NOTE, { id: store.id, body: 'Hi' }, viewer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await call(DELETE_NOTE, { id: added.id }, colleague.token))).toEqual(['FORBIDDEN']);
    expect((await call(DELETE_NOTE, { id: added.id }, admin)).data.deleteStoreNote).toBe(added.id);
    expect(codesOf(await call(DELETE_NOTE, { id: added.id }))).toEqual(['NOT_FOUND']);
    const notes = await call('query ($id: ID!) { store(id: $id) { version notes { totalCount } } }', { id: store.id });
    expect(notes.data.store).toEqual({ version: 1, notes: { totalCount: 0 } });
  });

  it('exports the filtered stores as CSV through the gateway', async () => {
    const tag = `csv-${Date.now()}`;
    const names = [`${tag} Comma, Inc.`, `${tag} "Quoted"`, `${tag} two\nlines`];
    await createStores(
      gateway,
      operator.token,
      names.map((name) => storeInput({ name })),
    );
    const base = gateway.replace(/\/graphql$/, '');
    const query = new URLSearchParams({
      filter: JSON.stringify({ search: tag }),
      orderBy: JSON.stringify({ field: 'CODE' }),
    });
    const response = await fetch(`${base}/exports/stores.csv?${query}`, { headers: bearer(operator.token) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(rows.map((row) => row.name)).toEqual(names);
    expect((await fetch(`${base}/exports/stores.csv?${query}`)).status).toBe(401);
  });

  it('refuses a CSV of 500 stores with 3 bad rows, naming them, and applies it once fixed', async () => {
    const IMPORT = `mutation ($csv: String!, $apply: Boolean) {
      importStores(csv: $csv, apply: $apply) { valid rowCount changeId errors { row column code } created { id name } }
    }`;
    const good = storeImportCsv(500);
    const lines = good.split('\n');
    const columns = lines[0]!.split(',');
    // Rows as a spreadsheet numbers them: the header is row 1.
    const breakCell = (row: number, column: string, value: string) => {
      const cells = lines[row - 1]!.split(',');
      cells[columns.indexOf(column)] = value;
      lines[row - 1] = cells.join(',');
    };
    breakCell(43, 'country', 'Narnia');
    breakCell(252, 'dhcpEnd', '8.8.8.8');
    breakCell(500, 'type', 'CASTLE');
    const broken = lines.join('\n');
    const countOf = async () => (await call('{ stores(first: 1) { totalCount } }')).data.stores.totalCount as number;
    const before = await countOf();

    const refused = await call(IMPORT, { csv: broken, apply: true });
    expect(refused.errors).toBeUndefined();
    expect(refused.data.importStores).toMatchObject({ valid: false, rowCount: 500, created: [], changeId: null });
    expect(refused.data.importStores.errors).toEqual([
      { row: 43, column: 'country', code: 'INVALID_VALUE' },
      { row: 252, column: 'dhcpEnd', code: 'INVALID_VALUE' },
      { row: 500, column: 'type', code: 'INVALID_VALUE' },
    ]);
    expect(await countOf()).toBe(before);

    const applied = await call(IMPORT, { csv: good, apply: true });
    expect(applied.errors).toBeUndefined();
    expect(applied.data.importStores).toMatchObject({ valid: true, rowCount: 500, errors: [] });
    expect(applied.data.importStores.created).toHaveLength(500);
    expect(await countOf()).toBe(before + 500);
  }, 300_000);
});
