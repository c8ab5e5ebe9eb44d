// npm run bench:subscriptions [-- --subscribers 1000 --updates 30] [--rate 20]
// N graphql-ws clients subscribe through the gateway to storeChanged, selecting a field that
// identity resolves; a writer updates stores; prints delivered/expected, latency from the
// mutation's response (the acknowledgement) to each client's receipt (p50/p95/p99), and the
// gateway's memory. Without --rate one store is updated, one update after the other
// (--interval ms apart); with --rate W, W stores are each renamed once a second, W writes per
// second in all whatever their latency (an open loop, as independent users write), and every
// subscriber follows all stores.
// Uses PostgreSQL (+ Redis) when TEST_DATABASE_URL (+ TEST_REDIS_URL) are set, PGlite otherwise.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { bearer, graphql, signedMetrics } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { startSystem } from '@switchyard/testing/system';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    updates: { type: 'string', default: '30' },
    interval: { type: 'string', default: '100' },
    rate: { type: 'string' },
  },
});
const rate = values.rate ? Number(values.rate) : null;
const subscribers = Number(values.subscribers);
const updates = Number(values.updates);
const intervalMs = Number(values.interval);
const backend = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

const system = await startSystem(backend, {
  subgraphs: ['identity', 'stores'],
  env: { LOG_LEVEL: 'warn', WS_MAX_CONNECTIONS_PER_USER: String(subscribers + 10) },
});
const gatewayBase = system.gatewayUrl.replace(/\/graphql$/, '');
try {
  const { accessToken } = await login(system.gatewayUrl, system.admin.email, system.admin.password);
  const stores: { id: string; version: number }[] = [];
  for (let i = 0; i < (rate ?? 1); i++) {
    const created = await graphql(
      system.gatewayUrl,
      `
        mutation {
          createStore(
            input: {
              name: "Bench 0"
              type: STANDARD
              timezone: "Europe/Berlin"
              address: { line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" }
            }
          ) {
            id
            version
          }
        }
      `,
      {},
      bearer(accessToken),
    );
    stores.push(created.data.createStore as { id: string; version: number });
  }

  const received = new Map<number, number[]>(); // update number -> receipt times
  const clients: Client[] = [];
  let ready = 0;
  const memoryBefore = await gatewayMemory();
  for (let i = 0; i < subscribers; i++) {
    const client = createClient({
      url: system.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${accessToken}` },
      retryAttempts: 0,
    });
    clients.push(client);
    client.subscribe<{ storeChanged: { store: { name: string; createdBy: { email: string } | null } } }>(
      {
        query: `subscription ($id: ID) { storeChanged(id: $id) { kind store { name status createdBy { email } } } }`,
        variables: rate ? {} : { id: stores[0]!.id },
      },
      {
        next: (result) => {
          const name = result.data?.storeChanged.store.name;
          const update = name ? Number(name.replace('Bench ', '')) : NaN;
          if (!Number.isNaN(update) && update > 0) {
            if (result.data?.storeChanged.store.createdBy?.email !== system.admin.email)
              throw new Error('createdBy not resolved by identity');
            const times = received.get(update) ?? [];
            times.push(performance.now());
            received.set(update, times);
          }
        },
        error: (error) => console.error('subscription error', error),
        complete: () => {},
      },
    );
    client.on('connected', () => void (ready += 1));
  }
  while (ready < subscribers) await sleep(50);
  await sleep(1000); // let every subscribe reach the subgraph
  const memoryConnected = await gatewayMemory();

  const sentAt = new Map<number, number>();
  let failedWrites = 0;
  const rename = async (store: { id: string; version: number }, update: number) => {
    const response = await graphql(
      system.gatewayUrl,
      'mutation ($id: ID!, $v: Int!, $name: String!) { updateStore(id: $id, expectedVersion: $v, input: { name: $name }) { version } }',
      { id: store.id, v: store.version, name: `Bench ${update}` },
      bearer(accessToken),
    );
    if (!response.data?.updateStore) {
      failedWrites += 1;
      console.error(`update ${update} failed: ${JSON.stringify(response.errors)}`);
      return;
    }
    sentAt.set(update, performance.now());
    store.version = response.data.updateStore.version;
  };
  if (rate) {
    // One write in flight per store (a store's next rename waits for its version), W stores in all.
    const lastWrite = stores.map(() => Promise.resolve());
    const started = performance.now();
    for (let update = 1; update <= updates; update++) {
      await sleep(Math.max(0, started + ((update - 1) * 1000) / rate - performance.now()));
      const slot = (update - 1) % rate;
      lastWrite[slot] = lastWrite[slot]!.then(() => rename(stores[slot]!, update));
    }
    await Promise.all(lastWrite);
  } else {
    for (let update = 1; update <= updates; update++) {
      await rename(stores[0]!, update);
      await sleep(intervalMs);
    }
  }
  const deadline = Date.now() + 30_000;
  while (
    Date.now() < deadline &&
    [...received.values()].reduce((n, t) => n + t.length, 0) < subscribers * (updates - failedWrites)
  )
    await sleep(100);
  const memoryPeak = await gatewayMemory();

  const latencies = [...received.entries()]
    // With writes in flight, an event can arrive just before its mutation's response: that counts as 0.
    .flatMap(([update, times]) => (sentAt.has(update) ? times.map((t) => Math.max(0, t - sentAt.get(update)!)) : []))
    .sort((a, b) => a - b);
  const delivered = latencies.length;
  const expected = subscribers * (updates - failedWrites);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1) ?? 'n/a';
  console.log(
    `\nsubscription benchmark (${backend}${system.env.REDIS_URL ? ' + redis' : ''}): ${subscribers} subscribers x ${updates} updates${rate ? ` at ${rate} writes/s over ${rate} stores` : ''}${failedWrites ? ` (${failedWrites} writes failed)` : ''}`,
  );
  console.log(`delivered/expected: ${delivered}/${expected} (${((100 * delivered) / expected).toFixed(2)} %)`);
  console.log(
    `latency mutation response -> client receipt: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
  );
  console.log(
    `gateway RSS: ${mb(memoryBefore)} before, ${mb(memoryConnected)} with ${subscribers} subscribers, ${mb(memoryPeak)} after the updates`,
  );
  await Promise.all(clients.map((client) => client.dispose()));
  if (delivered !== expected) process.exitCode = 1;
} finally {
  await system.destroy();
}

async function gatewayMemory(): Promise<number> {
  const text = await signedMetrics(gatewayBase, system.secrets.internalSigningSecret);
  return Number(/^process_resident_memory_bytes(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? NaN);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
