// npm run bench:monitors [-- --monitors 200 --interval 30 --seconds 180]
// The observability process alone (embedded PGlite), with N user-defined monitors (half HTTP with a
// keyword, half TCP) at one interval against local test servers, for a few minutes. Prints the
// process's CPU (% of one core, from /proc/<pid>/stat) over the measured window, and how late checks
// started against their planned time (p50/p95 from its monitor_check_drift_seconds histogram).
// Targets (issue 21): CPU < 40 % of one core, drift p95 < 2 s.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInternalClient, fetchMetrics } from '@switchyard/shared';
import { freePort, listen, signedGraphQL, userPrincipal } from '@switchyard/testing';

const { values } = parseArgs({
  options: {
    monitors: { type: 'string', default: '200' },
    interval: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '180' },
  },
});
const count = Number(values.monitors);
const intervalSeconds = Number(values.interval);
const measureSeconds = Number(values.seconds);
const CLOCK_TICKS = 100;

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** The drift histogram's cumulative bucket counts, by upper bound. */
function driftBuckets(metrics: string): Map<number, number> {
  const buckets = new Map<number, number>();
  for (const match of metrics.matchAll(/^monitor_check_drift_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\} (\d+)/gm))
    buckets.set(match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2]));
  return buckets;
}

/** A quantile of the checks between two snapshots, interpolated within its bucket. */
function quantile(before: Map<number, number>, after: Map<number, number>, q: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((bound) => after.get(bound)! - (before.get(bound) ?? 0));
  const total = counts.at(-1)!;
  const rank = q * total;
  for (let i = 0; i < bounds.length; i++) {
    if (counts[i]! >= rank) {
      const lower = i === 0 ? 0 : bounds[i - 1]!;
      const below = i === 0 ? 0 : counts[i - 1]!;
      const upper = Number.isFinite(bounds[i]!) ? bounds[i]! : lower;
      const inBucket = counts[i]! - below;
      return inBucket === 0 ? upper : lower + ((rank - below) / inBucket) * (upper - lower);
    }
  }
  return NaN;
}

async function main() {
  const site = createHttpServer((_req, res) => res.end('<html>Open for business</html>'));
  const siteUrl = await listen(site);
  const tcp = createTcpServer((socket) => socket.end());
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  const tcpPort = (tcp.address() as { port: number }).port;

  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-monitors-'));
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/observability/src/index.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      INTERNAL_SIGNING_SECRET: secret,
      OBSERVABILITY_PORT: String(port),
      MONITORED_SERVICES: 'observability',
      OBSERVABILITY_URL: `${baseUrl}/graphql`,
      BACKUP_SCHEDULE: 'off',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    site.close();
    tcp.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const client = createInternalClient({ internalSigningSecret: secret, timeoutMs: 10_000 });
    for (let i = 0; ; i++) {
      if (
        await fetch(`${baseUrl}/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 600) throw new Error('observability did not become ready');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const operator = userPrincipal('OPERATOR');
    const create = 'mutation ($input: MonitorInput!) { createMonitor(input: $input) { id } }';
    for (let i = 0; i < count; i++) {
      const input =
        i % 2 === 0
          ? {
              name: `HTTP ${i}`,
              kind: 'HTTP',
              target: `${siteUrl}/?n=${i}`,
              http: { keyword: 'Open' },
              intervalSeconds,
            }
          : { name: `TCP ${i}`, kind: 'TCP', target: '127.0.0.1', port: tcpPort, intervalSeconds };
      const result = await signedGraphQL(`${baseUrl}/graphql`, secret, operator, create, { input });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
    console.log(`${count} monitors at ${intervalSeconds} s; warming up for one interval…`);
    await new Promise((resolve) => setTimeout(resolve, intervalSeconds * 1000));
    const before = {
      cpu: cpuSeconds(child.pid!),
      at: performance.now(),
      drift: driftBuckets(await fetchMetrics(client, baseUrl, 'bench')),
    };
    console.log(`measuring for ${measureSeconds} s…`);
    await new Promise((resolve) => setTimeout(resolve, measureSeconds * 1000));
    const after = {
      cpu: cpuSeconds(child.pid!),
      at: performance.now(),
      drift: driftBuckets(await fetchMetrics(client, baseUrl, 'bench')),
    };
    const elapsed = (after.at - before.at) / 1000;
    const checks = after.drift.get(Infinity)! - (before.drift.get(Infinity) ?? 0);
    const cpuPercent = ((after.cpu - before.cpu) / elapsed) * 100;
    const p50 = quantile(before.drift, after.drift, 0.5);
    const p95 = quantile(before.drift, after.drift, 0.95);
    console.log(
      JSON.stringify(
        {
          monitors: count,
          intervalSeconds,
          measuredSeconds: Math.round(elapsed),
          checks,
          expectedChecks: Math.round((count * elapsed) / intervalSeconds),
          cpuPercentOfOneCore: Number(cpuPercent.toFixed(1)),
          driftP50Seconds: Number(p50.toFixed(3)),
          driftP95Seconds: Number(p95.toFixed(3)),
          targets: { cpuBelow40: cpuPercent < 40, driftP95Below2s: p95 < 2 },
          loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
        },
        null,
        2,
      ),
    );
    await client.close();
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
