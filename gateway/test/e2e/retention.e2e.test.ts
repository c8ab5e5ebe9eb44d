import path from 'node:path';
import { createPGlite } from '@switchyard/prisma/pglite';
import { subgraphDatabaseUrl } from '@switchyard/prisma';
import { bearer, collect, eventually, gatewayMetric, graphql, subscriptionClient } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { BACKENDS, startSystem, type System } from '@switchyard/testing/system';
import pg from 'pg';

const STORE_CHANGED = 'subscription ($id: ID) { storeChanged(id: $id) { store { name version } } }';
const CREATE = `mutation ($name: String!) {
  createStore(input: { name: $name, type: STANDARD, timezone: "Europe/Berlin",
    address: { line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" } }) { id version }
}`;
const RENAME =
  'mutation ($id: ID!, $v: Int!, $name: String!) { updateStore(id: $id, expectedVersion: $v, input: { name: $name }) { version } }';

// Outbox retention as a running system does it: events older than OUTBOX_RETENTION_DAYS leave the
// stores outbox on the process's own schedule, and a subscription resuming from one of them is told
// (EVENTS_GAP) instead of silently missing what came after.
describe.each(BACKENDS)('data retention through the gateway (%s)', (backend) => {
  let system: System;
  let token: string;
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const result = await graphql(system.gatewayUrl, query, variables, bearer(token));
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  beforeAll(async () => {
    system = await startSystem(backend, {
      subgraphs: ['identity', 'stores'],
      env: {
        SEED_DEMO_DATA: 'false',
        RETENTION_INTERVAL_MS: '1000',
        RETENTION_BATCH_SIZE: '2',
        RETENTION_PAUSE_MS: '0',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(() => system?.destroy());

  /** Moves every event of the stopped stores subgraph's outbox `days` into the past. */
  async function backdateStoresOutbox(days: number) {
    const sql = `UPDATE "OutboxEvent" SET "occurredAt" = "occurredAt" - interval '${days} days'`;
    if (backend === 'pglite') {
      const pglite = await createPGlite(path.join(system.env.DATA_DIR!, 'stores', 'pglite'));
      await pglite.query(sql).finally(() => pglite.close());
    } else {
      const client = new pg.Client({ connectionString: subgraphDatabaseUrl(system.env.DATABASE_URL!, 'stores') });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    }
  }

  it('prunes old events but the newest; a resume from a pruned cursor gets EVENTS_GAP, then goes on live', async () => {
    const store = (await gql(CREATE, { name: 'Kept a while' })).createStore as { id: string; version: number };
    const client = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${token}` });
    const first = collect(client, STORE_CHANGED, { id: store.id });
    await client.connected;
    let version = store.version;
    for (const name of ['Renamed 1', 'Renamed 2', 'Renamed 3'])
      version = ((await gql(RENAME, { id: store.id, v: version, name })).updateStore as { version: number }).version;
    const seen = await first.next(3);
    const oldCursor = seen[0].extensions.cursor;
    await client.dispose();

    const stores = system.services.find((service) => service.name === 'stores')!;
    await stores.stop();
    await backdateStoresOutbox(30);
    await stores.start();
    // The created event and the first two renames go (in batches of two); the newest event always stays.
    const pruned = () =>
      gatewayMetric(
        system.subgraphUrls.stores!,
        system.secrets.internalSigningSecret,
        'retention_pruned_rows_total',
        'table="OutboxEvent"',
      );
    await eventually(async () => (await pruned()) === 3, 60_000);

    const resumed = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${token}` });
    const gap = collect(resumed, STORE_CHANGED, { id: store.id }, { cursor: oldCursor });
    const [told] = await gap.next(1);
    expect(told.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['EVENTS_GAP']);
    // However many passes ran meanwhile, the newest event stays while it is the newest.
    expect(await pruned()).toBe(3);
    await gql(RENAME, { id: store.id, v: version, name: 'After retention' });
    const [, live] = await gap.next(2);
    expect(live.data.storeChanged.store.name).toBe('After retention');
    await resumed.dispose();
  }, 180_000);
});
