import { randomUUID } from 'node:crypto';
import { TEST_BACKENDS, userPrincipal } from '@switchyard/testing';
import { storeInput } from '@switchyard/testing/fixtures';
import { startStores } from './support.ts';

const CREATE =
  'mutation ($input: CreateStoreInput!, $reason: String, $key: String) { createStore(input: $input, reason: $reason, idempotencyKey: $key) { id code name version } }';
const UPDATE =
  'mutation ($id: ID!, $v: Int!, $name: String!) { updateStore(id: $id, expectedVersion: $v, input: { name: $name }) { version } }';

describe.each(TEST_BACKENDS)('idempotent createStore on a real database (%s)', (backend) => {
  let stores: Awaited<ReturnType<typeof startStores>>;
  const operator = userPrincipal('OPERATOR');

  beforeAll(async () => {
    stores = await startStores(backend);
  });
  afterAll(() => stores?.stop());

  const storesNamed = (name: string) => stores.db.store.count({ where: { name } });

  it('answers a repeat with the first store, as it is now, and creates one store, one event, one audit entry', async () => {
    const input = storeInput();
    const key = `create-${randomUUID()}`;
    const first = await stores.call(operator, CREATE, { input, key });
    expect(first.errors).toBeUndefined();
    const created = first.data!.createStore;
    await stores.call(operator, UPDATE, { id: created.id, v: 1, name: `${input.name} renamed` });

    // Arguments in another field order fingerprint the same.
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    const repeat = await stores.call(operator, CREATE, { input: reordered, key });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data!.createStore).toEqual({ ...created, name: `${input.name} renamed`, version: 2 });
    expect(await storesNamed(input.name)).toBe(0);
    expect(await stores.db.store.count({ where: { id: created.id } })).toBe(1);
    expect(await stores.db.outboxEvent.count({ where: { aggregateId: created.id, type: 'StoreCreated' } })).toBe(1);
    expect(await stores.db.storeAuditEntry.count({ where: { storeId: created.id, action: 'CREATED' } })).toBe(1);
    expect(await stores.db.idempotencyRecord.findMany({ where: { key } })).toEqual([
      expect.objectContaining({
        operation: 'createStore',
        principalId: `user:${operator.userId}`,
        result: { id: created.id },
      }),
    ]);
  });

  it('refuses the same key with other arguments and writes nothing', async () => {
    const key = `create-${randomUUID()}`;
    const input = storeInput();
    await stores.call(operator, CREATE, { input, key });
    const other = storeInput();
    const reused = await stores.call(operator, CREATE, { input: other, key });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    const withReason = await stores.call(operator, CREATE, { input, key, reason: 'another reason' });
    expect(withReason.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await storesNamed(other.name)).toBe(0);
    expect(await storesNamed(input.name)).toBe(1);
  });

  it('creates exactly one store for concurrent duplicates, answering each with it', async () => {
    const key = `create-${randomUUID()}`;
    const input = storeInput();
    const results = await Promise.all(Array.from({ length: 6 }, () => stores.call(operator, CREATE, { input, key })));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((result) => result.data!.createStore.id)).size).toBe(1);
    expect(await storesNamed(input.name)).toBe(1);
  });

  it('keeps keys apart per caller, and takes a key over after 24 hours', async () => {
    const key = `create-${randomUUID()}`;
    const input = storeInput();
    const mine = await stores.call(operator, CREATE, { input, key });
    const theirs = await stores.call(userPrincipal('OPERATOR'), CREATE, { input, key });
    expect(theirs.data!.createStore.id).not.toBe(mine.data!.createStore.id);

    await stores.db.idempotencyRecord.updateMany({
      where: { key },
      data: { createdAt: new Date(Date.now() - 25 * 3600 * 1000) },
    });
    const later = await stores.call(operator, CREATE, { input: storeInput(), key });
    expect(later.errors).toBeUndefined();
    expect(later.data!.createStore.id).not.toBe(mine.data!.createStore.id);
    // The other caller's expired record was purged by that write; the fresh one stays.
    expect(await stores.db.idempotencyRecord.count({ where: { key } })).toBe(1);
  });

  it('forgets a key whose create rolled back, so a corrected retry may use it; refuses malformed keys', async () => {
    const taken = storeInput({}, true);
    await stores.call(operator, CREATE, { input: taken });
    const key = `create-${randomUUID()}`;
    const overlapping = await stores.call(operator, CREATE, {
      input: storeInput({ network: taken.network }),
      key,
    });
    expect(overlapping.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.network.subnet',
    });
    expect(await stores.db.idempotencyRecord.count({ where: { key } })).toBe(0);
    const corrected = await stores.call(operator, CREATE, { input: storeInput({}, true), key });
    expect(corrected.errors).toBeUndefined();

    for (const malformed of ['', 'has space', 'x'.repeat(129)]) {
      const input = storeInput();
      const refused = await stores.call(operator, CREATE, { input, key: malformed });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(await storesNamed(input.name)).toBe(0);
    }
  });
});
