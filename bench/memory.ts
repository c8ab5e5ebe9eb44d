// npm run bench:memory [-- --idle-seconds 60 --samples 5 --load-seconds 0 --rate 4]
// The footprint of `npm start` on embedded defaults (PGlite, in-process bus), as a user runs it on
// a small home server: starts it on free ports with a fresh DATA_DIR, waits for "Switchyard is
// running" and then `--idle-seconds`, and prints the resident memory (RSS) of every process it
// started (the launcher, the services' process or processes, their helpers) and the total, as the
// median of `--samples` readings a second apart. With `--load-seconds`, it then sends the web app's
// queries of bench:queries (dashboard, stores, devices, recipes, in turn) as the first admin at `--rate`
// per second for that long, and prints the figures again. Stops it with SIGINT as Ctrl-C would.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createHousehold, createRecipe, login } from '@switchyard/testing/fixtures';
import { npmStart } from './npm-start.ts';
import { OPERATIONS } from './web-operations.ts';

const { values } = parseArgs({
  options: {
    'idle-seconds': { type: 'string', default: '60' },
    samples: { type: 'string', default: '5' },
    'load-seconds': { type: 'string', default: '0' },
    rate: { type: 'string', default: '4' },
  },
});
const idleSeconds = Number(values['idle-seconds']);
const samples = Number(values.samples);
const loadSeconds = Number(values['load-seconds']);
const rate = Number(values.rate);
const PAGE_BYTES = 4096;

/** Every process whose parent chain leads to `root`, with its command line and RSS in bytes. */
function processTree(root: number): { pid: number; command: string; rss: number }[] {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // The command name is in parentheses and may contain spaces: read the fields after it.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
        return [{ pid: Number(entry), ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_BYTES, command }];
      } catch {
        return []; // exited meanwhile
      }
    });
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const proc of all)
      if (!tree.has(proc.pid) && tree.has(proc.ppid)) {
        tree.add(proc.pid);
        grew = true;
      }
  }
  return all.filter((proc) => tree.has(proc.pid));
}

/** A short name for a process of the tree: the script it runs (a service bundle, the launcher…), else its program. */
function nameOf(command: string): string {
  const [program = '', ...args] = command.split(' ');
  if (program.endsWith('npm') || args[0]?.endsWith('npm-cli.js')) return 'npm';
  const script = args.find((arg) => /\.(m?js|ts)$/.test(arg));
  return path.basename(script ?? program).replace(/\.(m?js|ts)$/, '');
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

/** Prints the median RSS of each process of the tree below `root`, by name, and the total. */
async function printFootprint(root: number, title: string) {
  const readings: Map<string, number>[] = [];
  for (let i = 0; i < samples; i++) {
    const byName = new Map<string, number>();
    for (const proc of processTree(root)) {
      const name = nameOf(proc.command);
      byName.set(name, (byName.get(name) ?? 0) + proc.rss);
    }
    readings.push(byName);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const names = [...new Set(readings.flatMap((reading) => [...reading.keys()]))].sort();
  const rows = names.map((name) => [name, median(readings.map((reading) => reading.get(name) ?? 0))] as const);
  const total = median(readings.map((reading) => [...reading.values()].reduce((sum, rss) => sum + rss, 0)));
  process.stdout.write(`${title}\n`);
  for (const [name, rss] of rows) process.stdout.write(`  ${name.padEnd(16)} ${mib(rss).padStart(9)}\n`);
  process.stdout.write(`  ${'total'.padEnd(16)} ${mib(total).padStart(9)}  (median of ${samples} readings)\n`);
}

/** The web app's queries in turn at `rate` per second (open loop) for `seconds`; resolves with the counts. */
async function load(api: string, accessToken: string, seconds: number) {
  const operations = Object.entries(OPERATIONS).map(([name, query]) => ({ name, body: JSON.stringify({ query }) }));
  const counts = { sent: 0, failed: 0 };
  // The first failure of each operation, to tell what failed.
  const failures = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    const due = started + (i * 1000) / rate;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    counts.sent += 1;
    const operation = operations[i % operations.length]!;
    const fail = (why: string) => {
      counts.failed += 1;
      if (!failures.has(operation.name)) failures.set(operation.name, why);
    };
    const request = fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: operation.body,
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (response) => {
        const body = (await response.json()) as { errors?: unknown };
        if (!response.ok || body.errors) fail(`${response.status} ${JSON.stringify(body.errors ?? '').slice(0, 200)}`);
      })
      .catch((error: Error) => fail(error.message))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  return { ...counts, failures };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-memory-'));
const system = await npmStart(dataDir);
try {
  process.stdout.write(`running; idle for ${idleSeconds} s before measuring\n`);
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  await printFootprint(system.child.pid!, `idle ${idleSeconds} s after start`);
  if (loadSeconds > 0) {
    const { api, firstAdmin } = system.running;
    if (!firstAdmin) throw new Error('npm start announced no first admin');
    const { accessToken } = await login(api, firstAdmin.email, firstAdmin.password);
    // Recipes are a household's: the admin gets one, with a few.
    await createHousehold(api, accessToken, 'Footprint');
    for (let i = 0; i < 10; i++) await createRecipe(api, accessToken, `Recipe ${i}`, ['200 g flour', '2 eggs']);
    process.stdout.write(`sending the web app's queries at ${rate}/s for ${loadSeconds} s\n`);
    const { sent, failed, failures } = await load(api, accessToken, loadSeconds);
    process.stdout.write(`${sent} sent, ${failed} failed\n`);
    for (const [name, why] of failures) process.stdout.write(`  ${name} failed first with ${why}\n`);
    await printFootprint(system.child.pid!, `after ${loadSeconds} s of load`);
  }
} finally {
  await system.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
