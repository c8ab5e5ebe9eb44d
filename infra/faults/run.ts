// npm run test:faults [-- --only stores --subscribers 20 --rate 20]
// The fault suite: the whole system on PostgreSQL + Redis under bounded write load (`rate` store
// renames a second through one gateway replica) with `subscribers` following every store through
// another, the way the web client does (resuming from its cursor). Each fault (kill -9 of every
// service and of Redis, identity hung, PostgreSQL unreachable) is injected in turn; the suite then
// prints per fault how many writes were acknowledged, how many of them some subscriber never
// received (lost), how many deliveries came twice (duplicated), and how long after the fault ended
// a write was acknowledged and had reached every subscriber (recovery). Exits 1 on any loss,
// duplicate or gap, or a fault the system did not recover from.
// Skipped without TEST_DATABASE_URL (PostgreSQL); needs redis-server on the PATH. Redis and a
// cuttable proxy in front of PostgreSQL are the suite's own, so nothing else on the machine is disturbed.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startRedisServer } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { startSystem } from '@switchyard/testing/system';
import { FAULTS, type Fault, type FaultTarget } from './faults.ts';
import { startTcpProxy } from './tcp-proxy.ts';
import { startWorkload, type Workload } from './workload.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    subscribers: { type: 'string', default: '20' },
    rate: { type: 'string', default: '20' },
  },
});
const PER_STORE_RATE = 2;
const BEFORE_FAULT_MS = 3_000;
const AFTER_FAULT_MS = 5_000;
const DRAIN_MS = 20_000;

const databaseUrl = process.env.TEST_DATABASE_URL;
if (!databaseUrl) {
  console.log('fault suite skipped: it runs on PostgreSQL (set TEST_DATABASE_URL)');
  process.exit(0);
}
if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.error('fault suite: redis-server is not on the PATH (apt-get install redis-server)');
  process.exit(1);
}

interface Outcome {
  fault: string;
  acknowledged: number;
  lost: number;
  duplicated: number;
  gaps: number;
  recoveryMs: number | null;
}

async function run(fault: Fault, target: FaultTarget, workload: Workload): Promise<Outcome> {
  await workload.subscribe();
  const from = workload.acknowledged.length;
  workload.start();
  await sleep(BEFORE_FAULT_MS);
  await fault.inject(target);
  const endedAt = performance.now();
  await sleep(AFTER_FAULT_MS);
  await workload.stop();
  const writes = workload.acknowledged.slice(from);
  await workload.drain(
    writes.map(({ key }) => key),
    DRAIN_MS,
  );
  const { subscribers } = workload;
  const outcome: Outcome = {
    fault: fault.name,
    acknowledged: writes.length,
    lost: writes.filter(({ key }) => subscribers.some(({ received }) => !received.has(key))).length,
    duplicated: subscribers.reduce(
      (sum, { received }) => sum + [...received.values()].reduce((extra, count) => extra + count - 1, 0),
      0,
    ),
    gaps: subscribers.reduce((sum, subscriber) => sum + subscriber.gaps, 0),
    recoveryMs: (() => {
      const first = writes.find(({ at }) => at >= endedAt);
      if (!first || subscribers.some(({ receivedAt }) => !receivedAt.has(first.key))) return null;
      return Math.max(...subscribers.map(({ receivedAt }) => receivedAt.get(first.key)!)) - endedAt;
    })(),
  };
  await workload.unsubscribe();
  return outcome;
}

const redis = await startRedisServer();
const { hostname, port } = new URL(databaseUrl);
const postgres = await startTcpProxy({ host: hostname, port: Number(port || 5432) });
const proxied = new URL(databaseUrl);
proxied.host = `127.0.0.1:${postgres.port}`;
process.env.TEST_DATABASE_URL = proxied.toString();
process.env.TEST_REDIS_URL = redis.url;

const subscribers = Number(values.subscribers);
const outcomes: Outcome[] = [];
let system: Awaited<ReturnType<typeof startSystem>> | undefined;
try {
  system = await startSystem('postgresql', {
    env: { LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false', WS_MAX_CONNECTIONS_PER_USER: String(subscribers + 10) },
  });
  const { accessToken } = await login(system.gatewayUrl, system.admin.email, system.admin.password);
  const writer = await system.startReplica('gateway', { PORT: String(await freePort()) });
  const workload = await startWorkload({
    gatewayUrl: system.gatewayUrl,
    writeUrl: `${writer.baseUrl}/graphql`,
    token: accessToken,
    stores: Math.max(1, Math.round(Number(values.rate) / PER_STORE_RATE)),
    perStoreRate: PER_STORE_RATE,
    subscribers,
  });
  const target = { system, redis, postgres };
  for (const fault of FAULTS.filter(({ name }) => !values.only || name.includes(values.only))) {
    const outcome = await run(fault, target, workload);
    outcomes.push(outcome);
    console.log(`${fault.name}: done`);
  }
} finally {
  await system?.destroy();
  await redis.kill();
  postgres.close();
}

console.log(
  `\nfault suite (postgresql + redis): ${values.rate} writes/s, ${subscribers} subscribers resuming from their cursors`,
);
console.table(
  outcomes.map(({ recoveryMs, ...outcome }) => ({
    ...outcome,
    recovery: recoveryMs === null ? 'none' : `${(recoveryMs / 1000).toFixed(2)} s`,
  })),
);
const failed = outcomes.filter(
  ({ lost, duplicated, gaps, recoveryMs }) => lost > 0 || duplicated > 0 || gaps > 0 || recoveryMs === null,
);
if (failed.length > 0) {
  console.error(`fault suite failed: ${failed.map(({ fault }) => fault).join(', ')}`);
  process.exit(1);
}
