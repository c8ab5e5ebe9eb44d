// npm run bench:subscriptions [-- --subscribers 1000 --updates 30] [--users N] [--rate W] [--interval 100]
//   [--connect-rate 1000]
// Graphql-ws clients subscribe through the gateway to storeChanged, selecting a field that identity
// resolves; a writer updates stores; prints delivered/expected, latency from the mutation's response
// (the acknowledgement of the commit) to each client's receipt (p50/p95/p99), and the gateway's RSS
// (sampled every 250 ms: its peak; Linux, from /proc). The clients run in a process of their own
// (subscription-clients.ts), so their load shares neither the writer's nor the gateway's event loop.
// --users N: the subscribers belong to N distinct viewers (created as the admin and signed in,
// subscriber i is user i mod N; --subscribers defaults to N when larger than 1000); without it they
// are all the admin's. The clients connect --connect-rate a second. Without --rate one store is
// updated, one update after the other (--interval ms apart); with --rate W, W stores are each
// renamed once a second, W writes per second in all whatever their latency (an open loop, as
// independent users write), and every subscriber follows all stores.
// Each subscriber holds a socket in the client process and one in the gateway: `ulimit -n` must
// exceed --subscribers (checked below; raise it in the shell that runs the benchmark).
// Uses PostgreSQL (+ Redis) when TEST_DATABASE_URL (+ TEST_REDIS_URL) are set, PGlite otherwise.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { execSync, fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bearer, graphql, signedMetrics } from '@switchyard/testing';
import { createUser, login } from '@switchyard/testing/fixtures';
import { startSystem } from '@switchyard/testing/system';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string' },
    updates: { type: 'string', default: '30' },
    interval: { type: 'string', default: '100' },
    rate: { type: 'string' },
    users: { type: 'string', default: '1' },
    'connect-rate': { type: 'string', default: '1000' },
  },
});
const users = Number(values.users);
const rate = values.rate ? Number(values.rate) : null;
const subscribers = Number(values.subscribers ?? Math.max(1000, users));
const updates = Number(values.updates);
const intervalMs = Number(values.interval);
const backend = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
const openFiles = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString());
if (openFiles < subscribers + 500) {
  console.error(`ulimit -n is ${openFiles}: ${subscribers} subscribers need more than ${subscribers + 500} open files`);
  process.exit(1);
}

const system = await startSystem(backend, {
  subgraphs: ['identity', 'stores'],
  env: {
    LOG_LEVEL: 'warn',
    WS_MAX_CONNECTIONS_PER_USER: String(subscribers + 10),
    // Thousands of users are created and signed in below: argon2id at its production cost (64 MiB,
    // ~0.2 s a hash on this machine) would take the benchmark minutes before it measured anything.
    // (and signing them in, anonymous calls, would meet the anonymous rate limit).
    ...(users > 1 ? { PASSWORD_HASH_MEMORY_KIB: '1024', RATE_LIMIT_ANONYMOUS: '10000000' } : {}),
  },
});
const gatewayBase = system.gatewayUrl.replace(/\/graphql$/, '');
let clients: ChildProcess | undefined;
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

  // The users the subscribers belong to, round-robin: the admin alone, or N fresh viewers.
  const tokens = users === 1 ? [accessToken] : await signInUsers(accessToken, users);
  const memoryBefore = await gatewayMemory();
  clients = fork(fileURLToPath(new URL('./subscription-clients.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
  });
  const fromClients = (type: string) =>
    new Promise<Record<string, unknown>>((resolve) =>
      clients!.on('message', (message: { type: string }) => message.type === type && resolve(message)),
    );
  const ready = fromClients('ready');
  clients.send({
    type: 'start',
    url: system.gatewayUrl.replace(/^http/, 'ws'),
    tokens,
    subscribers,
    connectRate: Number(values['connect-rate']),
    query: `subscription ($id: ID) { storeChanged(id: $id) { kind store { name status createdBy { email } } } }`,
    variables: rate ? {} : { id: stores[0]!.id },
    expectedEmail: system.admin.email,
  });
  const connectStarted = performance.now();
  const { refused } = (await ready) as { refused: number };
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await sleep(1000); // let every subscribe reach the subgraph
  const memoryConnected = await gatewayMemory();
  const executions = await gatewayMetric('subscription_executions');
  let memoryPeak = memoryConnected;
  const sampler = setInterval(
    () =>
      void gatewayMemory().then(
        (bytes) => (memoryPeak = Math.max(memoryPeak, bytes)),
        () => {},
      ),
    250,
  );

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
    sentAt.set(update, performance.timeOrigin + performance.now());
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
  const expected = subscribers * (updates - failedWrites);
  const receiptsReady = fromClients('receipts');
  clients.send({ type: 'collect', expected, timeoutMs: 30_000 });
  const { receipts, errors } = (await receiptsReady) as { receipts: [number, number[]][]; errors: number };
  clearInterval(sampler);
  memoryPeak = Math.max(memoryPeak, await gatewayMemory());
  const received = new Map(receipts);

  const latencies = [...received.entries()]
    // With writes in flight, an event can arrive just before its mutation's response: that counts as 0.
    .flatMap(([update, times]) => (sentAt.has(update) ? times.map((t) => Math.max(0, t - sentAt.get(update)!)) : []))
    .sort((a, b) => a - b);
  const delivered = latencies.length;
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1) ?? 'n/a';
  console.log(
    `\nsubscription benchmark (${backend}${system.env.REDIS_URL ? ' + redis' : ''}): ${subscribers} subscribers of ${users} user${users === 1 ? '' : 's'} x ${updates} updates${rate ? ` at ${rate} writes/s over ${rate} stores` : ''}${failedWrites ? ` (${failedWrites} writes failed)` : ''}`,
  );
  console.log(
    `connected in ${connectSeconds.toFixed(1)} s${refused ? `, ${refused} connections refused` : ''}; ${executions} shared execution${executions === 1 ? '' : 's'} in the gateway`,
  );
  console.log(
    `delivered/expected: ${delivered}/${expected} (${((100 * delivered) / expected).toFixed(2)} %)${errors ? `, ${errors} errors` : ''}`,
  );
  console.log(
    `latency mutation response -> client receipt: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
  );
  console.log(
    `gateway RSS: ${mb(memoryBefore)} before, ${mb(memoryConnected)} with ${subscribers} subscribers, peak ${mb(memoryPeak)}`,
  );
  if (delivered !== expected || errors || refused) process.exitCode = 1;
} finally {
  clients?.kill();
  await system.destroy();
}

/** N viewers, created as the admin and each signed in (a few at a time), as their access tokens. */
async function signInUsers(adminToken: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  const next = async (): Promise<void> => {
    while (tokens.length + inFlight < count) {
      inFlight += 1;
      const user = await createUser(system.gatewayUrl, adminToken, 'VIEWER');
      tokens.push((await login(system.gatewayUrl, user.email, user.password)).accessToken);
      inFlight -= 1;
    }
  };
  let inFlight = 0;
  await Promise.all(Array.from({ length: 8 }, next));
  return tokens;
}

/**
 * The gateway's resident memory, read from /proc (the benchmark runs on the gateway's machine):
 * its /metrics would cost it a walk of every open socket, at every sample.
 */
async function gatewayMemory(): Promise<number> {
  const gateway = system.services.find((service) => service.name === 'gateway')!;
  const status = await readFile(`/proc/${gateway.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) * 1024;
}

async function gatewayMetric(name: string): Promise<number> {
  const text = await signedMetrics(gatewayBase, system.secrets.internalSigningSecret);
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
