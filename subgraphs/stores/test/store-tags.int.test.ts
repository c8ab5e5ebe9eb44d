import { randomUUID } from 'node:crypto';
import { TEST_BACKENDS, userPrincipal } from '@switchyard/testing';
import { storeInput } from '@switchyard/testing/fixtures';
import { startStores } from './support.ts';

const STORE = 'id version status tags';
const CREATE = `mutation ($input: CreateStoreInput!) { createStore(input: $input) { ${STORE} } }`;
const SET_TAGS = `mutation ($id: ID!, $v: Int!, $tags: [String!]!, $reason: String) {
  setStoreTags(id: $id, expectedVersion: $v, tags: $tags, reason: $reason) { ${STORE} } }`;
const TRANSITION = `mutation ($id: ID!, $to: StoreStatus!, $v: Int!) {
  transitionStore(id: $id, to: $to, expectedVersion: $v) { ${STORE} } }`;
const COMPLETE = `mutation ($id: ID!, $key: String!, $v: Int!) {
  completeProvisioningStep(storeId: $id, key: $key, expectedVersion: $v) { ${STORE} } }`;
const BULK_TAG = `mutation ($ids: [ID!]!, $add: [String!], $remove: [String!], $reason: String) {
  bulkTagStores(ids: $ids, add: $add, remove: $remove, reason: $reason) {
    changeId succeeded failed results { id ok store { ${STORE} } error { code } } } }`;
const BULK_TRANSITION = `mutation ($ids: [ID!]!, $to: StoreStatus!) {
  bulkTransitionStores(ids: $ids, to: $to) { changeId succeeded failed results { id ok } } }`;
const LIST = `query ($filter: StoreFilter) { stores(filter: $filter, first: 200) { totalCount edges { node { id } } } }`;
const CHANGE = `query ($changeId: ID!) {
  storeChange(changeId: $changeId) { storeId version action changeId reason store { id } changes { field before after } } }`;
const AUDIT = `query ($id: ID!, $changeId: ID) {
  store(id: $id) { auditLog(changeId: $changeId) { totalCount edges { node { version action changeId } } } } }`;

describe.each(TEST_BACKENDS)('store tags and change ids on a real database (%s)', (backend) => {
  let stores: Awaited<ReturnType<typeof startStores>>;
  const operator = userPrincipal('OPERATOR');
  const viewer = userPrincipal('VIEWER');
  const admin = userPrincipal('ADMIN');
  type StoreResult = { id: string; version: number; status: string; tags: string[] };
  const mutate = async (query: string, variables: Record<string, unknown>, principal = operator) => {
    const result = await stores.call(principal, query, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return Object.values(result.data)[0] as StoreResult;
  };
  const create = (overrides: Record<string, unknown> = {}, withNetwork = false) =>
    mutate(CREATE, { input: storeInput(overrides, withNetwork) });
  const setTags = (store: StoreResult, tags: string[]) => mutate(SET_TAGS, { id: store.id, v: store.version, tags });
  // Each test's own tags, so stores other tests tag do not match its filters.
  const unique = () => `t-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    stores = await startStores(backend);
  });
  afterAll(() => stores?.stop());

  it('sets tags normalised and sorted, audited with an event, in any status (decommissioned too)', async () => {
    let store = await create({ type: 'HOME' }, true);
    store = await mutate(TRANSITION, { id: store.id, to: 'PROVISIONING', v: store.version });
    for (const key of ['network-configured', 'hub-paired'])
      store = await mutate(COMPLETE, { id: store.id, key, v: store.version });
    store = await mutate(TRANSITION, { id: store.id, to: 'ACTIVE', v: store.version });
    store = await mutate(TRANSITION, { id: store.id, to: 'DECOMMISSIONED', v: store.version }, admin);

    const tagged = await mutate(SET_TAGS, {
      id: store.id,
      v: store.version,
      tags: [' Pilot ', 'region:North', 'pilot'],
      reason: 'label old sites',
    });

    expect(tagged).toMatchObject({
      status: 'DECOMMISSIONED',
      tags: ['pilot', 'region:north'],
      version: store.version + 1,
    });
    expect((await stores.db.store.findUniqueOrThrow({ where: { id: store.id } })).tags).toEqual([
      'pilot',
      'region:north',
    ]);
    const entry = await stores.db.storeAuditEntry.findUniqueOrThrow({
      where: { storeId_version: { storeId: store.id, version: tagged.version } },
    });
    expect(entry).toMatchObject({
      action: 'UPDATED',
      reason: 'label old sites',
      changeId: null,
      changes: { tags: { before: null, after: ['pilot', 'region:north'] } },
    });
    const event = await stores.db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: store.id, sequence: tagged.version },
    });
    expect(event).toMatchObject({
      type: 'StoreUpdated',
      payload: expect.objectContaining({ changedFields: ['tags'] }),
    });

    const cleared = await setTags(tagged, []);
    expect(cleared.tags).toEqual([]);
  });

  it('refuses bad tags with the field, stale versions with CONFLICT, unknown stores with NOT_FOUND, viewers', async () => {
    const store = await create();
    const refusal = async (variables: Record<string, unknown>, principal = operator) =>
      (await stores.call(principal, SET_TAGS, { id: store.id, v: store.version, tags: [], ...variables })).errors?.[0]
        ?.extensions;

    expect(await refusal({ tags: ['ok', 'not ok'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags.1' });
    expect(await refusal({ tags: ['x'.repeat(41)] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags.0' });
    expect(await refusal({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'tags',
    });
    expect(await refusal({ tags: ['a'], v: store.version + 1 })).toMatchObject({
      code: 'CONFLICT',
      currentVersion: store.version,
    });
    expect(await refusal({ id: randomUUID() })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal({ tags: ['a'] }, viewer)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await stores.db.store.findUniqueOrThrow({ where: { id: store.id } })).version).toBe(store.version);
  });

  it('filters stores carrying every tag given, and counts stores per tag', async () => {
    const [north, pilot] = [unique(), unique()];
    const both = await setTags(await create(), [north, pilot]);
    const onlyNorth = await setTags(await create(), [north]);
    await create();

    const list = async (tags: string[]) =>
      ((await stores.call(viewer, LIST, { filter: { tags } })).data?.stores.edges as { node: { id: string } }[])
        .map((edge) => edge.node.id)
        .sort();
    expect(await list([north])).toEqual([both.id, onlyNorth.id].sort());
    expect(await list([north, pilot.toUpperCase()])).toEqual([both.id]);
    expect(await list([unique()])).toEqual([]);
    const bad = await stores.call(viewer, LIST, { filter: { tags: ['no spaces'] } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.tags.0' });

    const counts = (await stores.call(viewer, '{ storeTags { tag count } }')).data?.storeTags as {
      tag: string;
      count: number;
    }[];
    expect(counts.filter((count) => [north, pilot].includes(count.tag))).toEqual(
      [
        { tag: north, count: 2 },
        { tag: pilot, count: 1 },
      ].sort((a, b) => a.tag.localeCompare(b.tag)),
    );
  });

  it('tags stores in bulk, each on its own, sharing one change id listed with storeChange', async () => {
    const [add, old] = [unique(), unique()];
    const plain = await create();
    const withOld = await setTags(await create(), [old, 'keep']);
    const full = await setTags(
      await create(),
      Array.from({ length: 20 }, (_, i) => `full-${i}`),
    );
    const missing = randomUUID();

    const result = (
      await stores.call(operator, BULK_TAG, {
        ids: [plain.id, withOld.id, full.id, missing, plain.id],
        add: [add.toUpperCase()],
        remove: [old],
        reason: 'q4 wave',
      })
    ).data?.bulkTagStores;

    expect(result).toMatchObject({ succeeded: 2, failed: 2, changeId: expect.any(String) });
    expect(result.results).toEqual([
      { id: plain.id, ok: true, store: expect.objectContaining({ tags: [add] }), error: null },
      { id: withOld.id, ok: true, store: expect.objectContaining({ tags: ['keep', add].sort() }), error: null },
      { id: full.id, ok: false, store: null, error: { code: 'BAD_USER_INPUT' } },
      { id: missing, ok: false, store: null, error: { code: 'NOT_FOUND' } },
    ]);
    const entries = await stores.db.storeAuditEntry.findMany({ where: { changeId: result.changeId } });
    expect(entries.map((entry) => entry.storeId).sort()).toEqual([plain.id, withOld.id].sort());
    expect(entries.every((entry) => entry.reason === 'q4 wave' && entry.action === 'UPDATED')).toBe(true);
    expect((await stores.db.store.findUniqueOrThrow({ where: { id: full.id } })).version).toBe(full.version);

    const change = (await stores.call(viewer, CHANGE, { changeId: result.changeId })).data?.storeChange;
    expect(change).toHaveLength(2);
    expect(change.find((entry: { storeId: string }) => entry.storeId === withOld.id)).toEqual({
      storeId: withOld.id,
      version: withOld.version + 1,
      action: 'UPDATED',
      changeId: result.changeId,
      reason: 'q4 wave',
      store: { id: withOld.id },
      changes: [
        { field: 'tags', before: JSON.stringify(['keep', old].sort()), after: JSON.stringify(['keep', add].sort()) },
      ],
    });

    const refusal = async (variables: Record<string, unknown>, principal = operator) =>
      (await stores.call(principal, BULK_TAG, { ids: [plain.id], ...variables })).errors?.[0]?.extensions;
    expect(await refusal({})).toMatchObject({ code: 'BAD_USER_INPUT', field: 'add' });
    expect(await refusal({ add: [], remove: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'add' });
    expect(await refusal({ add: ['fine', 'not fine'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'add.1' });
    expect(await refusal({ ids: [], add: ['a'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(await refusal({ add: ['a'] }, viewer)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives a bulk transition one change id, filterable in each audit log and listed across stores', async () => {
    const [first, second] = [await create(), await create()];
    await mutate(TRANSITION, { id: second.id, to: 'PROVISIONING', v: second.version });

    const result = (await stores.call(operator, BULK_TRANSITION, { ids: [first.id, second.id], to: 'PROVISIONING' }))
      .data?.bulkTransitionStores;
    expect(result).toMatchObject({ succeeded: 1, failed: 1, changeId: expect.any(String) });

    const change = (await stores.call(viewer, CHANGE, { changeId: result.changeId })).data?.storeChange;
    expect(change).toEqual([
      expect.objectContaining({
        storeId: first.id,
        action: 'STATUS_CHANGED',
        changeId: result.changeId,
        store: { id: first.id },
      }),
    ]);
    const audit = (await stores.call(viewer, AUDIT, { id: first.id, changeId: result.changeId })).data?.store.auditLog;
    expect(audit).toEqual({
      totalCount: 1,
      edges: [{ node: { version: 2, action: 'STATUS_CHANGED', changeId: result.changeId } }],
    });
    const all = (await stores.call(viewer, AUDIT, { id: first.id })).data?.store.auditLog;
    expect(all.totalCount).toBe(2);

    expect((await stores.call(viewer, CHANGE, { changeId: randomUUID() })).data?.storeChange).toEqual([]);
    for (const query of [CHANGE, AUDIT]) {
      const bad = await stores.call(viewer, query, { id: first.id, changeId: 'not-a-uuid' });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changeId' });
    }
  });

  it('keeps the entries of a deleted draft in its change, with no store', async () => {
    const draft = await create();
    const result = (await stores.call(operator, BULK_TAG, { ids: [draft.id], add: [unique()] })).data?.bulkTagStores;
    await mutate(
      'mutation ($id: ID!, $v: Int!) { deleteStore(id: $id, expectedVersion: $v) }',
      { id: draft.id, v: draft.version + 1 },
      admin,
    );
    const change = (await stores.call(viewer, CHANGE, { changeId: result.changeId })).data?.storeChange;
    expect(change).toEqual([expect.objectContaining({ storeId: draft.id, store: null })]);
  });
});
