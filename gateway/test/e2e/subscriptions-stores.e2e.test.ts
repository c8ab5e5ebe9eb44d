import {
  bearer,
  collect,
  eventually,
  freePort,
  gatewayMetric,
  graphql,
  openEventStream,
  subscriptionClient,
} from '@switchyard/testing';
import { createApiKey, login } from '@switchyard/testing/fixtures';
import { BACKENDS, startSystem, type System } from '@switchyard/testing/system';

const STORE_CHANGED = `subscription ($id: ID, $status: StoreStatus) {
  storeChanged(id: $id, status: $status) { kind changedFields actor { kind user { email } } store { id name status version createdBy { email } } }
}`;
const CREATE = `mutation ($name: String!) {
  createStore(input: { name: $name, type: STANDARD, timezone: "Europe/Berlin",
    address: { line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" } }) { id version }
}`;
const RENAME =
  'mutation ($id: ID!, $v: Int!, $name: String!) { updateStore(id: $id, expectedVersion: $v, input: { name: $name }) { version } }';
const TRANSITION =
  'mutation ($id: ID!, $v: Int!) { transitionStore(id: $id, to: PROVISIONING, expectedVersion: $v) { version status } }';

// Nothing announces that a duplicate will not come: the exactly-once checks look again after this long.
const afterDuplicateWindow = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe.each(BACKENDS)('federated subscriptions: stores (%s)', (backend) => {
  let system: System;
  let token: string;
  const gql = (query: string, variables: Record<string, unknown>, url = system.gatewayUrl) =>
    graphql(url, query, variables, bearer(token));
  const createStore = async (name: string) =>
    (await gql(CREATE, { name })).data.createStore as { id: string; version: number };
  const subscribe = async (variables: Record<string, unknown>, url = system.gatewayUrl) => {
    const client = subscriptionClient(url, { authorization: `Bearer ${token}` });
    const events = collect(client, STORE_CHANGED, variables);
    await client.connected;
    return { client, events };
  };
  /** Waits until the gateway's connection to the stores subgraph was re-established after `restart`. */
  const reconnected = async <T>(restart: () => Promise<T>): Promise<T> => {
    const reconnects = () =>
      gatewayMetric(
        system.gatewayUrl,
        system.secrets.internalSigningSecret,
        'subscription_upstream_reconnects_total',
        'subgraph="stores"',
      );
    const before = await reconnects();
    const result = await restart();
    await eventually(async () => (await reconnects()) > before);
    return result;
  };

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity', 'stores'], env: { SEED_DEMO_DATA: 'false' } });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(() => system?.destroy());

  it('delivers one event per change, with fields resolved by identity', async () => {
    const store = await createStore('Subscribed store');
    const other = await createStore('Other store');
    const { client, events } = await subscribe({ id: store.id });
    const provisioning = await subscribe({ status: 'PROVISIONING' });
    const moved = await gql(TRANSITION, { id: store.id, v: store.version });
    expect(moved.errors).toBeUndefined();
    await gql(RENAME, { id: other.id, v: other.version, name: 'Other store, still a draft' });
    const [event] = await events.next(1);
    expect(event.errors).toBeUndefined();
    expect(event.data.storeChanged).toMatchObject({
      kind: 'STATUS_CHANGED',
      changedFields: expect.arrayContaining(['status']),
      actor: { kind: 'USER', user: { email: system.admin.email } },
      store: {
        id: store.id,
        name: 'Subscribed store',
        status: 'PROVISIONING',
        createdBy: { email: system.admin.email },
      },
    });
    const [filtered] = await provisioning.events.next(1);
    expect(filtered.data.storeChanged.store.id).toBe(store.id);
    await afterDuplicateWindow();
    expect(events.results).toHaveLength(1);
    expect(provisioning.events.results).toHaveLength(1);
    await Promise.all([client.dispose(), provisioning.client.dispose()]);
  });

  it('keeps a subscription across a restart of the stores subgraph', async () => {
    const store = await createStore('Restarted');
    const { client, events } = await subscribe({ id: store.id });
    const stores = system.services.find((service) => service.name === 'stores')!;
    await stores.stop();
    await reconnected(() => stores.start());
    await gql(RENAME, { id: store.id, v: store.version, name: 'Restarted, renamed' });
    const [event] = await events.next(1);
    expect(event.data.storeChanged.store.name).toBe('Restarted, renamed');
    expect(events.completed).toBe(false);
    await client.dispose();
  });

  it('delivers an event committed by a process killed before publishing, once, after the restart', async () => {
    const store = await createStore('Crash');
    const { client, events } = await subscribe({ id: store.id });
    const stores = system.services.find((service) => service.name === 'stores')!;
    await stores.stop();
    const port = new URL(system.subgraphUrls.stores!).port;
    const faulty = await reconnected(() =>
      system.startReplica('stores', { STORES_PORT: port, OUTBOX_FAULT: 'crash-before-publish' }),
    );
    const crashed = await gql(RENAME, { id: store.id, v: store.version, name: 'Committed, then killed' });
    expect(crashed.data?.updateStore ?? null).toBeNull();
    await faulty.stop();
    await stores.start();
    const [event] = await events.next(1, 20_000);
    expect(event.data.storeChanged.store.name).toBe('Committed, then killed');
    await afterDuplicateWindow();
    expect(events.results).toHaveLength(1);
    await client.dispose();
  });

  it('resumes from the cursor a client last received after the gateway was killed: what committed meanwhile, once, in order', async () => {
    const store = await createStore('Resumed');
    const first = await subscribe({ id: store.id });
    let version = (await gql(RENAME, { id: store.id, v: store.version, name: 'Seen before the crash' })).data
      .updateStore.version as number;
    const [seen] = await first.events.next(1);
    const cursor = seen.extensions?.cursor;
    expect(typeof cursor).toBe('string');

    const gateway = system.services.find((service) => service.name === 'gateway')!;
    await gateway.stop('SIGKILL');
    await first.client.dispose();
    await gateway.start();
    const missed = ['Missed 1', 'Missed 2', 'Missed 3'];
    for (const name of missed)
      version = (await gql(RENAME, { id: store.id, v: version, name })).data.updateStore.version;

    const client = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${token}` });
    const resumed = collect(client, STORE_CHANGED, { id: store.id }, { cursor });
    const replayed = await resumed.next(3);
    // Each event shows the store as it is when it is delivered (not as it was then), so names do not
    // tell the three apart; their cursors do, and their outbox positions come in commit order.
    for (const result of replayed) {
      expect(result.errors).toBeUndefined();
      expect(result.data.storeChanged).toMatchObject({
        kind: 'UPDATED',
        changedFields: ['name'],
        store: { id: store.id },
      });
    }
    const positions = [cursor, ...replayed.map((result) => result.extensions.cursor)].map((value) =>
      BigInt(JSON.parse(Buffer.from(value, 'base64url').toString())[1]),
    );
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(positions).size).toBe(4);
    await gql(RENAME, { id: store.id, v: version, name: 'Live again' });
    const [, , , live] = await resumed.next(4);
    expect(live.data.storeChanged.store.name).toBe('Live again');
    await afterDuplicateWindow();
    expect(resumed.results).toHaveLength(4);
    await client.dispose();
  });

  it('resumes an event stream (SSE) from its cursor the same way', async () => {
    const store = await createStore('Streamed');
    const request = {
      query: 'subscription ($id: ID) { storeChanged(id: $id) { version } }',
      variables: { id: store.id },
    };
    const first = await openEventStream(system.gatewayUrl, request, bearer(token));
    let version = (await gql(RENAME, { id: store.id, v: store.version, name: 'Streamed 1' })).data.updateStore
      .version as number;
    const [seen] = await first.next(1);
    first.close();
    for (const name of ['Streamed 2', 'Streamed 3'])
      version = (await gql(RENAME, { id: store.id, v: version, name })).data.updateStore.version;

    const resumed = await openEventStream(
      system.gatewayUrl,
      { ...request, extensions: { cursor: seen.extensions.cursor } },
      bearer(token),
    );
    const replayed = await resumed.next(2);
    expect(replayed.map((result) => result.data.storeChanged.version)).toEqual([version - 1, version]);
    await gql(RENAME, { id: store.id, v: version, name: 'Streamed live' });
    const [, , live] = await resumed.next(3);
    expect(live.data.storeChanged.version).toBe(version + 1);
    await afterDuplicateWindow();
    expect(resumed.results).toHaveLength(3);
    resumed.close();
  });

  it('tells a client whose cursor cannot be replayed to refetch (EVENTS_GAP), then goes on live; refuses a forged cursor', async () => {
    const store = await createStore('Gap');
    const client = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${token}` });
    const unknownEvent = Buffer.from(JSON.stringify(['stores', '999999999', '00000000-0000-4000-8000-000000000000']));
    const gap = collect(client, STORE_CHANGED, { id: store.id }, { cursor: unknownEvent.toString('base64url') });
    const [told] = await gap.next(1);
    expect(told.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['EVENTS_GAP']);
    await gql(RENAME, { id: store.id, v: store.version, name: 'After the gap' });
    const [, live] = await gap.next(2);
    expect(live.data.storeChanged.store.name).toBe('After the gap');

    const forged = collect(client, STORE_CHANGED, { id: store.id }, { cursor: 'not a cursor' });
    await forged.next(1).catch(() => undefined);
    expect(JSON.stringify(forged.error)).toContain('BAD_USER_INPUT');
    const foreign = Buffer.from(JSON.stringify(['hardware', '1', '00000000-0000-4000-8000-000000000000']));
    const elsewhere = collect(client, STORE_CHANGED, { id: store.id }, { cursor: foreign.toString('base64url') });
    const [refused] = await elsewhere.next(1);
    expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'extensions.cursor' });
    await client.dispose();
  });

  it('runs identical subscriptions of one session once, each client reading at its own pace and leaving on its own', async () => {
    const executions = () =>
      gatewayMetric(system.gatewayUrl, system.secrets.internalSigningSecret, 'subscription_executions');
    // The earlier tests' clients have left; their executions end shortly after.
    await eventually(async () => (await executions()) === 0);
    const before = 0;
    const store = await createStore('Shared');
    const clients = await Promise.all([1, 2, 3, 4, 5].map(() => subscribe({ id: store.id })));
    await eventually(async () => (await executions()) === before + 1);
    const other = await subscribe({ id: store.id, status: 'DRAFT' });
    await eventually(async () => (await executions()) === before + 2);

    const version = (await gql(RENAME, { id: store.id, v: store.version, name: 'Shared 1' })).data.updateStore.version;
    for (const { events } of [...clients, other]) {
      const [event] = await events.next(1);
      expect(event.data.storeChanged.store.id).toBe(store.id);
      expect(typeof event.extensions.cursor).toBe('string');
    }
    await Promise.all(clients.slice(0, 4).map(({ client }) => client.dispose()));
    await gql(RENAME, { id: store.id, v: version, name: 'Shared 2' });
    const [, second] = await clients[4]!.events.next(2);
    expect(second.data.storeChanged.kind).toBe('UPDATED');
    await afterDuplicateWindow();
    expect(clients[4]!.events.results).toHaveLength(2);
    expect(clients[0]!.events.results).toHaveLength(1);
    await Promise.all([clients[4]!.client.dispose(), other.client.dispose()]);
    await eventually(async () => (await executions()) === before);
  });

  it('refuses subscribers that may not read stores', async () => {
    const key = await createApiKey(system.gatewayUrl, token, ['identity:read']);
    const client = subscriptionClient(system.gatewayUrl, { apiKey: key.secret });
    const [result] = await collect(client, STORE_CHANGED, {}).next(1);
    expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
    await client.dispose();
  });

  // Replicas need a shared database and bus: the PostgreSQL pass, which runs on Redis when TEST_REDIS_URL is set.
  const withRedis = backend === 'postgresql' && Boolean(process.env.TEST_REDIS_URL);
  (withRedis ? it : it.skip)(
    'reaches a subscriber on another gateway and stores replica exactly once (Redis)',
    async () => {
      const storesPort = await freePort();
      const gatewayPort = await freePort();
      await system.startReplica('stores', { STORES_PORT: String(storesPort) });
      await system.startReplica('gateway', {
        PORT: String(gatewayPort),
        STORES_URL: `http://127.0.0.1:${storesPort}/graphql`,
      });
      const gatewayB = `http://127.0.0.1:${gatewayPort}/graphql`;
      const store = await createStore('Two replicas');
      const { client, events } = await subscribe({ id: store.id }, gatewayB);
      await gql(RENAME, { id: store.id, v: store.version, name: 'Seen on B' });
      const [event] = await events.next(1);
      expect(event.data.storeChanged.store).toMatchObject({
        name: 'Seen on B',
        createdBy: { email: system.admin.email },
      });
      await afterDuplicateWindow();
      expect(events.results).toHaveLength(1);
      await client.dispose();
    },
  );
});
