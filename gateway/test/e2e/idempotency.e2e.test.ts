import { randomUUID } from 'node:crypto';
import { bearer, graphql } from '@switchyard/testing';
import { createApiKey, login, storeInput } from '@switchyard/testing/fixtures';
import { BACKENDS, startSystem, type System } from '@switchyard/testing/system';

const CREATE = `mutation ($input: CreateStoreInput!, $key: String) {
  createStore(input: $input, idempotencyKey: $key) { id name }
}`;
const STORES_NAMED = 'query ($search: String!) { stores(filter: { search: $search }) { totalCount } }';

describe.each(BACKENDS)('idempotency keys through the gateway (%s)', (backend) => {
  let system: System;
  let token: string;
  const create = (input: Record<string, unknown>, key: string, headers: Record<string, string> = bearer(token)) =>
    graphql(system.gatewayUrl, CREATE, { input, key }, headers);
  const storesNamed = async (name: string) =>
    (await graphql(system.gatewayUrl, STORES_NAMED, { search: name }, bearer(token))).data.stores.totalCount;

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity', 'stores'], env: { SEED_DEMO_DATA: 'false' } });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(() => system?.destroy());

  it('ten concurrent retries of one create make one store and all answer it', async () => {
    const input = storeInput();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => create(input, key)));
    const ids = new Set(answers.map((answer) => answer.data?.createStore.id));
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect(ids.size).toBe(1);
    expect(await storesNamed(input.name)).toBe(1);

    const later = await create(input, key);
    expect(later.data?.createStore.id).toBe([...ids][0]);
    expect(await storesNamed(input.name)).toBe(1);
  });

  it('refuses a key reused with other arguments, and a malformed key, naming the argument', async () => {
    const key = randomUUID();
    expect((await create(storeInput(), key)).errors).toBeUndefined();
    const reused = await create(storeInput(), key);
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    const malformed = await create(storeInput(), 'not a key!');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  it("keeps callers' keys apart: the same key from an API key creates its own store", async () => {
    const input = storeInput();
    const key = randomUUID();
    const mine = await create(input, key);
    const apiKey = await createApiKey(system.gatewayUrl, token, ['stores:read', 'stores:write']);
    const theirs = await create(input, key, { 'x-api-key': apiKey.secret });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.createStore.id).not.toBe(mine.data?.createStore.id);
    expect(await storesNamed(input.name)).toBe(2);
  });
});
