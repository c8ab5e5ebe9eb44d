// npm run bench:queries [-- --users 200 --api-keys 50 --rates 50,100,200,400,700,1000 --duration 10]
//   [--warmup 2] [--stores 40] [--connections 256] [--timeout 10] [--operations dashboard,stores,devices,recipes]
// A fixed-rate mixed read load through the gateway's HTTP /graphql, from a driver process of its own
// (bench/query-load-driver.ts) so that its CPU is not the gateway's: the web's dashboard overview,
// store list (20, with createdBy from identity and hubs from hardware), device tiles (a page of 200,
// each with its store) and recipe list (24), in turn, round-robin over `users` signed-in viewers of
// one household and `api-keys` API keys of the admin; `operations` narrows the mix, to see what one
// costs. Seeds `stores` stores, each with a simulated hub of 5 devices, and 30 recipes. Prints each
// operation's latency alone and every process's CPU at rest, then per rate step (`duration` s
// measured after `warmup` s at the same rate): the achieved rate, latency from each request's due
// time (p50/p95/p99), errors (non-200, `errors` in the body, or no answer within `timeout` s),
// identity's /internal/authenticate calls per request (identical calls in flight are shared), the
// services' CPU time per answered request above their use at rest (gateway and subgraphs; a
// database server's not included), and the CPU over the window of every process and of the whole
// machine (100 % = one core). A step achieving less than half its rate ends the run. Ends with the
// highest rate meeting each target, counting only steps that achieved 95 % of their rate with < 1 %
// errors: p95 < 500 ms (store provisioning: 1,000 req/s) and p99 < 100 ms (request journey: 200 req/s).
// The per-caller rate limits are raised out of the way: a few hundred callers at 1,000 req/s of
// these operations would exceed them, and what is measured here is the serving, not the limiter.
// Uses PostgreSQL (+ Redis) when TEST_DATABASE_URL (+ TEST_REDIS_URL) are set, PGlite otherwise.
import { execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createSimulator, type Simulator } from '../subgraphs/hardware/simulator/src/simulator.ts';
import { DEVICE_KINDS } from '../subgraphs/hardware/simulator/src/devices.ts';
import { bearer, graphql, signedMetrics } from '@switchyard/testing';
import {
  createApiKey,
  createHousehold,
  createRecipe,
  createStores,
  createUser,
  login,
  registerHub,
  storeInput,
} from '@switchyard/testing/fixtures';
import { startSystem } from '@switchyard/testing/system';
import type { DriverConfig, DriverMessage, DriverStep, StepResult } from './query-load-driver.ts';
import { OPERATIONS } from './web-operations.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    'api-keys': { type: 'string', default: '50' },
    rates: { type: 'string', default: '50,100,200,400,700,1000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    stores: { type: 'string', default: '40' },
    connections: { type: 'string', default: '256' },
    timeout: { type: 'string', default: '10' },
    operations: { type: 'string', default: 'dashboard,stores,devices,recipes' },
  },
});
const rates = values.rates.split(',').map(Number);
const backend = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
const DEVICES_PER_HUB = 5;
const RECIPES = 30;
const IDLE_MS = 5000;
const CORES = availableParallelism();
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const READ_SCOPES = ['identity:read', 'stores:read', 'hardware:read', 'meals:read', 'observability:read'];

const system = await startSystem(backend, {
  env: {
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    REGISTER_SIMULATED_HUB: 'false',
    // Seeding hundreds of users on a busy machine can outlast the default 15 minutes of the first sessions.
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    RATE_LIMIT_VIEWER: String(1e12),
    RATE_LIMIT_ADMIN: String(1e12),
  },
});
const simulators: Simulator[] = [];
let driver: ReturnType<typeof fork> | undefined;
try {
  const { gatewayUrl } = system;
  const admin = (await login(gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  console.log(`backend: ${backend}${system.env.REDIS_URL ? ' + redis' : ''}; seeding…`);
  const seedingStarted = performance.now();
  const stores = await createStores(
    gatewayUrl,
    admin,
    Array.from({ length: Number(values.stores) }, () => storeInput()),
  );
  for (const [i, store] of stores.entries()) {
    const accessToken = randomBytes(16).toString('hex');
    const devices = Array.from({ length: DEVICES_PER_HUB }, (_, d) => DEVICE_KINDS[(i + d) % DEVICE_KINDS.length]!);
    const simulator = await createSimulator({ accessToken, port: 0, devices });
    simulators.push(simulator);
    await registerHub(gatewayUrl, admin, {
      name: `Hub ${i}`,
      baseUrl: simulator.url,
      appId: simulator.appId,
      accessToken,
      storeId: store.id,
    });
  }
  const household = await createHousehold(gatewayUrl, admin, 'Bench');
  for (let i = 0; i < RECIPES; i++)
    await createRecipe(gatewayUrl, admin, `Recipe ${i}`, ['200 g flour', '2 eggs', '300 ml milk']);

  // A few at a time: identity hashes every password, and the machine is shared.
  const users: Record<string, string>[] = [];
  const apiKeys: Record<string, string>[] = [];
  await inBatches(Number(values.users), 4, async () => {
    const user = await createUser(gatewayUrl, admin, 'VIEWER');
    const joined = await graphql(
      gatewayUrl,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }',
      { h: household, u: user.id },
      bearer(admin),
    );
    if (joined.errors) throw new Error(`addHouseholdMember failed: ${JSON.stringify(joined.errors)}`);
    users.push(bearer((await login(gatewayUrl, user.email, user.password)).accessToken));
  });
  await inBatches(Number(values['api-keys']), 4, async () => {
    apiKeys.push({ 'x-api-key': (await createApiKey(gatewayUrl, admin, READ_SCOPES)).secret });
  });
  // API keys spread evenly among the users: a short step reaches only the first callers of the list.
  const credentials = [...users, ...apiKeys]
    .map((credential, i) => ({
      credential,
      at: i < users.length ? i / users.length : (i - users.length) / apiKeys.length,
    }))
    .sort((a, b) => a.at - b.at)
    .map(({ credential }) => credential);

  driver = fork(fileURLToPath(new URL('./query-load-driver.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
  const config: DriverConfig = {
    url: gatewayUrl,
    credentials,
    operations: values.operations
      .split(',')
      .map((name) => ({ name, body: JSON.stringify({ query: OPERATIONS[name] ?? unknownOperation(name) }) })),
    connections: Number(values.connections),
  };
  driver.send({ type: 'config', config });

  const processes = [
    ...system.services.map((service) => ({ name: service.name, pid: service.pid! })),
    { name: 'driver', pid: driver.pid! },
  ];
  console.log(
    `seeded in ${((performance.now() - seedingStarted) / 1000).toFixed(0)} s: ${stores.length} stores with a hub of ${DEVICES_PER_HUB} devices, ${RECIPES} recipes, ` +
      `${values.users} users + ${values['api-keys']} API keys; ${values.duration} s per step after ${values.warmup} s of warm-up`,
  );
  // One request at a time first: what each operation costs without a queue.
  const alone: string[] = [];
  for (const [name, query] of Object.entries(OPERATIONS)) {
    const samples: number[] = [];
    for (let n = 0; n < 5; n++) {
      const started = performance.now();
      const response = await graphql(gatewayUrl, query, {}, credentials[n % credentials.length]);
      if (response.errors) throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
      samples.push(performance.now() - started);
    }
    alone.push(
      `${name} ${percentile(
        samples.sort((a, b) => a - b),
        50,
      ).toFixed(0)}`,
    );
  }
  console.log(`one request at a time, median of 5 (ms): ${alone.join(', ')}`);
  console.log(
    'CPU: % of one core over the window (100 % × cores is the whole machine); machine: all its processes, ours and others',
  );
  const header = ['target/s', 'achieved/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors %', 'auth/req', 'CPU ms/req'];
  const columns = [...header, ...processes.map((p) => p.name), 'machine'];
  const row = (cells: (string | number)[]) =>
    cells.map((cell, i) => String(cell).padStart(Math.max(9, columns[i]!.length + 1))).join('');
  console.log(row(columns));
  // What the services spend with no load (pollers, health checks, metrics): taken out of CPU ms/req.
  const idleStart = cpuSample(processes);
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const idleEnd = cpuSample(processes);
  const idleSeconds = (idleEnd.at - idleStart.at) / 1000;
  const idleTicksPerSecond = processes.map((_, i) => (idleEnd.ticks[i]! - idleStart.ticks[i]!) / idleSeconds);
  console.log(
    row([
      'idle',
      ...header.slice(1).map(() => ''),
      ...idleTicksPerSecond.map((t) => `${((100 * t) / CLOCK_TICKS).toFixed(0)} %`),
      `${((100 * CORES * (idleEnd.machine.busy - idleStart.machine.busy)) / (idleEnd.machine.total - idleStart.machine.total)).toFixed(0)} %`,
    ]),
  );

  const rows: { rate: number; result: StepResult }[] = [];
  let authenticateCalls = 0;
  let requests = 0;
  for (const rate of rates) {
    const step: DriverStep = {
      rate,
      warmupMs: Number(values.warmup) * 1000,
      durationMs: Number(values.duration) * 1000,
      timeoutMs: Number(values.timeout) * 1000,
    };
    const authenticateBefore = await authenticateCount();
    let before: CpuSample | undefined;
    let after: CpuSample | undefined;
    const result = await new Promise<StepResult>((resolve, reject) => {
      const onMessage = (message: DriverMessage) => {
        if (message.type === 'measuring') before = cpuSample(processes);
        else if (message.type === 'window-end') after = cpuSample(processes);
        else {
          driver!.off('message', onMessage);
          resolve(message.result);
        }
      };
      driver!.on('message', onMessage);
      driver!.once('exit', (code) => reject(new Error(`the load driver exited (${code})`)));
      driver!.send({ type: 'step', step });
    });
    driver.removeAllListeners('exit');
    if (!before || !after) throw new Error('the step ended before its CPU was sampled');
    // Over the whole step, warm-up included, once every request is answered or abandoned.
    const calls = (await authenticateCount()) - authenticateBefore;
    authenticateCalls += calls;
    requests += result.sentInStep;
    const seconds = (after.at - before.at) / 1000;
    const ticks = processes.map((_, i) => after!.ticks[i]! - before!.ticks[i]!);
    const cpu = ticks.map((t) => (100 * t) / CLOCK_TICKS / seconds);
    const servicesTicks = ticks
      .slice(0, system.services.length)
      .reduce((sum, t, i) => sum + t - idleTicksPerSecond[i]! * seconds, 0);
    const servicesCpuMs = (1000 * servicesTicks) / CLOCK_TICKS;
    const machine = (100 * (after.machine.busy - before.machine.busy)) / (after.machine.total - before.machine.total);
    rows.push({ rate, result });
    const errorPct = (100 * result.errors) / Math.max(1, result.sent);
    console.log(
      row([
        rate,
        result.achievedRate.toFixed(0),
        percentile(result.latencies, 50).toFixed(1),
        percentile(result.latencies, 95).toFixed(1),
        percentile(result.latencies, 99).toFixed(1),
        errorPct.toFixed(2),
        (calls / Math.max(1, result.sentInStep)).toFixed(2),
        (servicesCpuMs / Math.max(1, result.achievedRate * seconds)).toFixed(1),
        ...cpu.map((c) => `${c.toFixed(0)} %`),
        `${(machine * CORES).toFixed(0)} %`,
      ]),
    );
    const perOperation = Object.entries(result.byOperation)
      .map(([name, samples]) => `${name} ${percentile(samples, 95).toFixed(0)}`)
      .join(', ');
    const kinds = Object.entries(result.errorKinds).map(
      ([kind, n]) => `${kind} ×${n} ("${result.errorMessages[kind]}")`,
    );
    console.log(
      `${' '.repeat(10)}p95 ms by operation: ${perOperation}${kinds.length ? `; errors: ${kinds.join(', ')}` : ''}`,
    );
    // Past saturation a higher rate only piles up timeouts, on a machine others need too.
    if (result.achievedRate < 0.5 * rate && rate !== rates.at(-1)) {
      console.log(`${' '.repeat(10)}less than half the rate achieved: the higher rates are skipped`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000)); // let the services' queues drain
  }

  const meets = (p95Below: number | null, p99Below: number | null) =>
    Math.max(
      0,
      ...rows
        .filter(({ rate, result }) => {
          const ok = result.errors / Math.max(1, result.sent) < 0.01 && result.achievedRate >= 0.95 * rate;
          return (
            ok &&
            (p95Below === null || percentile(result.latencies, 95) < p95Below) &&
            (p99Below === null || percentile(result.latencies, 99) < p99Below)
          );
        })
        .map(({ rate }) => rate),
    );
  const verdict = (rate: number, target: number) =>
    `${rate ? `${rate} req/s` : 'none of the rates'} (target ${target} req/s: ${rate >= target ? 'met' : 'not met'})`;
  console.log(`\nhighest rate with p95 < 500 ms and < 1 % errors: ${verdict(meets(500, null), 1000)}`);
  console.log(`highest rate with p99 < 100 ms and < 1 % errors: ${verdict(meets(null, 100), 200)}`);
  console.log(
    `identity served ${authenticateCalls} /internal/authenticate calls for the ${requests} requests sent ` +
      `(${(authenticateCalls / Math.max(1, requests)).toFixed(2)} per request)`,
  );
} finally {
  driver?.kill();
  await system.destroy();
  await Promise.all(simulators.map((simulator) => simulator.stop()));
}

function unknownOperation(name: string): never {
  throw new Error(`--operations: no operation ${name} (${Object.keys(OPERATIONS).join(', ')})`);
}

async function inBatches(count: number, concurrency: number, run: () => Promise<void>) {
  for (let started = 0; started < count; started += concurrency)
    await Promise.all(Array.from({ length: Math.min(concurrency, count - started) }, run));
}

interface CpuSample {
  at: number;
  ticks: number[];
  machine: { busy: number; total: number };
}

function cpuSample(processes: { pid: number }[]): CpuSample {
  // The first line of /proc/stat: user nice system idle iowait irq softirq steal, in ticks over all cores.
  const [user, nice, sys, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .split(/\s+/)
    .slice(1, 9)
    .map(Number) as number[];
  const busy = user! + nice! + sys! + irq! + softirq! + steal!;
  return {
    at: performance.now(),
    ticks: processes.map(({ pid }) => cpuTicks(pid)),
    machine: { busy, total: busy + idle! + iowait! },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat, after the command). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function authenticateCount(): Promise<number> {
  const identity = system.services.find((service) => service.name === 'identity')!;
  const text = await signedMetrics(identity.baseUrl, system.secrets.internalSigningSecret);
  return text
    .split('\n')
    .filter((line) => line.startsWith('http_requests_total{') && line.includes('route="/internal/authenticate"'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
