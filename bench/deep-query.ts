// npm run bench:deep-query [-- --depth 7 --devices 12 --max-fields 50000 --timeout-ms 10000 --disconnect-after-ms 2000]
// Issue 13's depth attack with the gateway's operation limits raised out of its way: a query
// alternating `devices { hub { devices …` (hardware), `depth` device lists deep. It is sent twice:
// once left to the gateway's timeout (`timeout-ms`, SUBGRAPH_TIMEOUT_MS), once abandoned by its
// client after `disconnect-after-ms`. With hardware's field cap at its default (`max-fields`,
// SUBGRAPH_OPERATION_MAX_FIELDS) the cap stops it first; raise the cap (e.g. 5000000) with a short
// timeout (e.g. 1000) to see the timeout and the disconnect stop it. Prints each service's RSS before
// and 10 s after the subgraph is idle again (acceptance: no subgraph more than 100 MB above where it was) and whether every process
// is still running.
// Uses PostgreSQL (+ Redis) when TEST_DATABASE_URL (+ TEST_REDIS_URL) are set, PGlite otherwise.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createSimulator } from '../subgraphs/hardware/simulator/src/simulator.ts';
import { DEVICE_KINDS } from '../subgraphs/hardware/simulator/src/devices.ts';
import { bearer, codesOf, eventually, freePort, graphql, signedMetrics } from '@switchyard/testing';
import { login, registerHub, signedInAs } from '@switchyard/testing/fixtures';
import { startSystem } from '@switchyard/testing/system';

const { values } = parseArgs({
  options: {
    depth: { type: 'string', default: '7' },
    'max-fields': { type: 'string', default: '50000' },
    'timeout-ms': { type: 'string', default: '10000' },
    devices: { type: 'string', default: '12' },
    'disconnect-after-ms': { type: 'string', default: '2000' },
  },
});
const depth = Number(values.depth);
const deviceCount = Number(values.devices);
const disconnectAfterMs = Number(values['disconnect-after-ms']);
const backend = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
const DEEP = `{ hubs { devices ${'{ hub { devices '.repeat(depth - 1)}{ id }${' } }'.repeat(depth - 1)} } }`;

const rssMb = (pid: number | undefined) => {
  if (!pid) return NaN;
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
};

const accessToken = randomBytes(16).toString('hex');
const simulator = await createSimulator({
  accessToken,
  port: await freePort(),
  devices: Array.from({ length: deviceCount }, (_, i) => DEVICE_KINDS[i % DEVICE_KINDS.length]!),
});
const system = await startSystem(backend, {
  subgraphs: ['identity', 'hardware'],
  env: {
    LOG_LEVEL: 'warn',
    // Raised out of the way (the defaults refuse this query): what stops it must be the cancellation.
    OPERATION_MAX_DEPTH: '100',
    OPERATION_MAX_TOKENS: '100000',
    OPERATION_MAX_COST: String(Number.MAX_SAFE_INTEGER),
    RATE_LIMIT_VIEWER: String(Number.MAX_SAFE_INTEGER),
    SUBGRAPH_OPERATION_MAX_FIELDS: values['max-fields'],
    REGISTER_SIMULATED_HUB: 'false',
  },
});
try {
  const admin = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  const viewer = (await signedInAs(system.gatewayUrl, admin, 'VIEWER')).token;
  await registerHub(system.gatewayUrl, admin, {
    name: 'Deep',
    baseUrl: simulator.url,
    appId: simulator.appId,
    accessToken,
  });
  // The deep query goes through a gateway of its own, with the timeout asked for (registering the hub may take longer).
  const port = await freePort();
  await system.startReplica('gateway', { PORT: String(port), SUBGRAPH_TIMEOUT_MS: values['timeout-ms'] });
  const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
  const hardware = system.services.find((service) => service.name === 'hardware')!;
  const inProgress = async () =>
    Number(
      /^graphql_operations_in_progress(?:\{[^}]*\})? (\d+)/m.exec(
        await signedMetrics(hardware.baseUrl, system.secrets.internalSigningSecret),
      )?.[1],
    );
  const rssTable = () => Object.fromEntries(system.services.map((s) => [s.name, rssMb(s.pid)]));

  console.log(
    `backend: ${backend}; ${deviceCount} devices, ${depth} device lists deep (${deviceCount ** depth} devices); ` +
      `field cap ${values['max-fields']}, gateway timeout ${values['timeout-ms']} ms`,
  );
  const cases: [string, () => Promise<string>][] = [
    ["gateway's timeout", async () => codesOf(await graphql(gatewayUrl, DEEP, {}, bearer(viewer))).join(',') || 'data'],
    [
      `client disconnects after ${disconnectAfterMs} ms`,
      async () => {
        const answer = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(viewer) },
          body: JSON.stringify({ query: DEEP }),
          signal: AbortSignal.timeout(disconnectAfterMs),
        }).catch((error: Error) => error);
        return answer instanceof Error ? answer.name : `HTTP ${answer.status}`;
      },
    ],
  ];
  for (const [name, run] of cases) {
    const before = rssTable();
    const started = performance.now();
    const outcome = await run();
    const answeredMs = performance.now() - started;
    await eventually(async () => (await inProgress()) === 0, 120_000, 100);
    const stoppedMs = performance.now() - started;
    // V8 gives pages back to the system a few seconds after a burst (its memory reducer): what stays is what counts.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const after = rssTable();
    console.log(
      `\n${name}: ${outcome} after ${answeredMs.toFixed(0)} ms; hardware idle after ${stoppedMs.toFixed(0)} ms`,
    );
    for (const service of system.services) {
      const delta = after[service.name]! - before[service.name]!;
      console.log(
        `  ${service.name.padEnd(10)} RSS ${before[service.name]!.toFixed(0).padStart(5)} → ${after[service.name]!.toFixed(0).padStart(5)} MB (${delta >= 0 ? '+' : ''}${delta.toFixed(0)})  ${service.running ? 'running' : 'EXITED'}`,
      );
    }
  }
} finally {
  await system.destroy();
  await simulator.stop();
}
