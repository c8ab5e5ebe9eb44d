import { eventChannel, type DomainEvent } from '@switchyard/shared';
import { apiKeyPrincipal, codeOf, userPrincipal } from '@switchyard/testing';
import { storeInput } from '@switchyard/testing/fixtures';
import { startStores } from './support.ts';

const CREATE = 'mutation ($input: CreateStoreInput!) { createStore(input: $input) { id code version status } }';
const UPDATE =
  'mutation ($id: ID!, $v: Int!, $input: UpdateStoreInput!, $reason: String) { updateStore(id: $id, expectedVersion: $v, input: $input, reason: $reason) { id name version } }';
const TRANSITION =
  'mutation ($id: ID!, $to: StoreStatus!, $v: Int!) { transitionStore(id: $id, to: $to, expectedVersion: $v) { status version } }';

describe('store changes on a real database', () => {
  let stores: Awaited<ReturnType<typeof startStores>>;
  const operator = userPrincipal('OPERATOR');
  const create = async (input = storeInput()) => {
    const result = await stores.call(operator, CREATE, { input });
    if (!result.data?.createStore) throw new Error(JSON.stringify(result.errors));
    return result.data.createStore as { id: string; code: string; version: number };
  };

  beforeAll(async () => {
    stores = await startStores();
  });
  afterAll(() => stores?.stop());

  it('writes an outbox event with each committed change and publishes it; a stale change writes nothing', async () => {
    const events: DomainEvent[] = [];
    const listening = new AbortController();
    const subscription = stores.bus.subscribe(eventChannel('Store'), listening.signal);
    const collecting = (async () => {
      for await (const event of subscription) events.push(event);
    })();
    const store = await create();
    const updated = await stores.call(operator, UPDATE, {
      id: store.id,
      v: 1,
      input: { name: 'Renamed' },
      reason: 'typo',
    });
    expect(updated.data?.updateStore).toMatchObject({ name: 'Renamed', version: 2 });

    const stale = await stores.call(operator, UPDATE, { id: store.id, v: 1, input: { name: 'Lost update' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const outbox = await stores.db.outboxEvent.findMany({
      where: { aggregateId: store.id },
      orderBy: { sequence: 'asc' },
    });
    expect(outbox.map((e) => [e.type, e.sequence])).toEqual([
      ['StoreCreated', 1],
      ['StoreUpdated', 2],
    ]);
    expect(outbox[1]!.payload).toMatchObject({ storeId: store.id, changedFields: ['name'] });
    expect(outbox[1]!.actor).toEqual({ kind: 'user', id: operator.userId });
    const audit = await stores.db.storeAuditEntry.findMany({
      where: { storeId: store.id },
      orderBy: { version: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.version, a.reason])).toEqual([
      ['CREATED', 1, null],
      ['UPDATED', 2, 'typo'],
    ]);
    expect(audit[1]!.changes).toEqual({ name: { before: expect.stringMatching(/^Store /), after: 'Renamed' } });

    await stores.relay.flush();
    listening.abort();
    await collecting;
    expect(events.filter((e) => e.aggregateId === store.id).map((e) => e.type)).toEqual([
      'StoreCreated',
      'StoreUpdated',
    ]);
  });

  it('lets exactly one of 20 concurrent updates at the same version win', async () => {
    const store = await create();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stores.call(operator, UPDATE, { id: store.id, v: 1, input: { name: `Contender ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.data?.updateStore)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(19);
    expect(await stores.db.storeAuditEntry.count({ where: { storeId: store.id, action: 'UPDATED' } })).toBe(1);
    expect(await stores.db.outboxEvent.count({ where: { aggregateId: store.id } })).toBe(2);
  });

  it('refuses overlapping subnets in the database, also for concurrent creates', async () => {
    const input = storeInput({}, true);
    const racers = await Promise.all(
      Array.from({ length: 5 }, () =>
        stores.call(operator, CREATE, { input: { ...input, name: `${input.name} ${Math.random()}` } }),
      ),
    );
    expect(racers.filter((r) => r.data?.createStore)).toHaveLength(1);
    for (const loser of racers.filter((r) => r.errors)) {
      expect(loser.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.network.subnet' });
    }
    const subnet = (input.network as { subnet: string }).subnet;
    const wider = subnet.replace(/\.\d+\.0\/24$/, '.0.0/16');
    await expect(
      stores.db.$executeRawUnsafe(`UPDATE "Store" SET "subnet" = $1::inet WHERE "subnet" IS NULL`, wider),
    ).rejects.toThrow(/Store_subnet_no_overlap/);
  });

  it('frees a decommissioned store’s subnet', async () => {
    const input = storeInput({ type: 'HOME' }, true);
    const first = await create(input);
    for (const key of ['network-configured', 'hub-paired']) {
      const version = (await stores.services.stores.findById(first.id))!.version;
      await stores.call(
        operator,
        'mutation ($id: ID!, $k: String!, $v: Int!) { completeProvisioningStep(storeId: $id, key: $k, expectedVersion: $v) { version } }',
        { id: first.id, k: key, v: version },
      );
    }
    const admin = userPrincipal('ADMIN');
    let version = (await stores.services.stores.findById(first.id))!.version;
    for (const to of ['PROVISIONING', 'ACTIVE', 'DECOMMISSIONED']) {
      const result = await stores.call(admin, TRANSITION, { id: first.id, to, v: version });
      expect(result.errors).toBeUndefined();
      version = result.data!.transitionStore.version;
    }
    expect(
      (await stores.call(operator, CREATE, { input: { ...input, name: `${input.name} again` } })).data?.createStore,
    ).toBeTruthy();
  });

  it('keeps the audit log append-only', async () => {
    const store = await create();
    await expect(
      stores.db.storeAuditEntry.updateMany({ where: { storeId: store.id }, data: { reason: 'rewritten' } }),
    ).rejects.toThrow(/append-only/);
    await expect(stores.db.storeAuditEntry.deleteMany({ where: { storeId: store.id } })).rejects.toThrow(/append-only/);
    expect(await stores.db.storeAuditEntry.count({ where: { storeId: store.id } })).toBe(1);
  });

  it('keeps a deleted draft’s audit trail, and deletes only drafts', async () => {
    const store = await create();
    const admin = userPrincipal('ADMIN');
    const deleted = await stores.call(
      admin,
      'mutation ($id: ID!, $v: Int!) { deleteStore(id: $id, expectedVersion: $v, reason: "mistake") }',
      { id: store.id, v: 1 },
    );
    expect(deleted.data?.deleteStore).toBe(store.id);
    expect(await stores.db.store.count({ where: { id: store.id } })).toBe(0);
    expect(
      (await stores.db.storeAuditEntry.findMany({ where: { storeId: store.id } })).map((a) => a.action).sort(),
    ).toEqual(['CREATED', 'DELETED']);
  });

  it('attributes API-key changes to the key and its owner', async () => {
    const key = apiKeyPrincipal('OPERATOR', ['stores:read', 'stores:write']);
    const result = await stores.call(key, CREATE, { input: storeInput() });
    const audit = await stores.db.storeAuditEntry.findFirstOrThrow({ where: { storeId: result.data!.createStore.id } });
    expect([audit.actorKind, audit.actorId, audit.userId]).toEqual(['apiKey', key.apiKeyId, key.userId]);
  });

  it('changes the type before activation: the new steps, keeping those both types share with their state', async () => {
    const STEPS = 'query ($id: ID!) { store(id: $id) { type version provisioningSteps { key doneAt } } }';
    const COMPLETE =
      'mutation ($id: ID!, $key: String!, $v: Int!) { completeProvisioningStep(storeId: $id, key: $key, expectedVersion: $v) { version } }';
    const store = await create(storeInput({ type: 'KIOSK' }, true));
    const done = await stores.call(operator, COMPLETE, { id: store.id, key: 'network-configured', v: 1 });
    expect(done.data?.completeProvisioningStep).toEqual({ version: 2 });
    const changed = await stores.call(operator, UPDATE, { id: store.id, v: 2, input: { type: 'HOME' } });
    expect(changed.data?.updateStore).toMatchObject({ version: 3 });
    const after = (await stores.call(operator, STEPS, { id: store.id })).data!.store;
    expect(after.type).toBe('HOME');
    expect(after.provisioningSteps.map((s: { key: string }) => s.key)).toEqual(['network-configured', 'hub-paired']);
    expect(after.provisioningSteps[0].doneAt).not.toBeNull();
    expect(after.provisioningSteps[1].doneAt).toBeNull();
    const audit = await stores.db.storeAuditEntry.findFirstOrThrow({ where: { storeId: store.id, version: 3 } });
    expect(audit.changes).toEqual({ type: { before: 'KIOSK', after: 'HOME' } });

    // An active store keeps its type: it would gain steps it can never complete.
    const other = await create(storeInput({ type: 'HOME' }));
    await stores.db.store.update({ where: { id: other.id }, data: { status: 'ACTIVE' } });
    const refused = await stores.call(operator, UPDATE, { id: other.id, v: 1, input: { type: 'KIOSK' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
  });

  it('names steps in plain words when refusing: no step keys or API names', async () => {
    const COMPLETE =
      'mutation ($id: ID!, $key: String!, $v: Int!) { completeProvisioningStep(storeId: $id, key: $key, expectedVersion: $v) { version } }';
    const store = await create(storeInput({ type: 'HOME' }));
    await stores.call(operator, TRANSITION, { id: store.id, to: 'PROVISIONING', v: 1 });
    const unplanned = await stores.call(operator, COMPLETE, { id: store.id, key: 'network-configured', v: 2 });
    expect(unplanned.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    expect(unplanned.errors?.[0]?.message).not.toMatch(/updateStore|input\.|network-configured/);
    const activate = await stores.call(operator, TRANSITION, { id: store.id, to: 'ACTIVE', v: 2 });
    expect(activate.errors?.[0]?.message).toBe(
      'Complete every provisioning step before activating (still open: Network configured, Hub paired)',
    );
    expect(activate.errors?.[0]?.extensions).toMatchObject({ openSteps: ['network-configured', 'hub-paired'] });
  });
});
