import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect as expectPage, type Browser, type Page } from '@playwright/test';
import { SERVICES } from '@switchyard/launcher';
import { dropDatabase, subgraphDatabaseUrl } from '@switchyard/prisma';
import { SUBGRAPHS } from '@switchyard/shared';
import { REPO_ROOT, eventually, freePort } from '@switchyard/testing';
import { createStore, login } from '@switchyard/testing/fixtures';
import { documentedExamples, lastJsonLine, runShellExample } from './documented-examples.ts';
import { runIntegratorsGuide } from './integrators-guide.ts';

// `npm start` exactly as the README tells a user to run it: the real npm script, a fresh data
// folder, no ADMIN_* and no ORIGIN; only ports are set, so that it cannot collide with anything
// else on the machine. Then what the user does: sign in through the web UI in Chromium, watch the
// dashboard, run the README's curl examples and every example of docs/integrators.md, press Ctrl-C.

interface Running {
  web: string;
  api: string;
  firstAdmin?: { email: string; password: string };
}

interface Launched {
  child: ChildProcess;
  running: Running;
  output: () => string;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // This machine's own name, whatever the resolver here says about it: a host that is not localhost.
  `--host-resolver-rules=MAP ${hostname()} 127.0.0.1`,
];

/** The settings the integrator guide's examples ask for beyond the README's (its webhook receiver on 127.0.0.1). */
const GUIDE_SETTINGS = { WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1' };

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});
afterAll(async () => {
  await browser?.close();
});

/** A port per service, and nothing else: what a user running a second copy beside the first would set. */
async function portVariables(): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(SERVICES.map(async ({ portVariable }) => [portVariable, String(await freePort())])),
  );
}

/**
 * `npm start` on free ports with `env`. A port found free may be taken by another program before
 * the launcher binds it (the launcher then says which, and stops): that is retried on other ports.
 */
async function npmStartOnFreePorts(env: Record<string, string>): Promise<Launched & { ports: Record<string, string> }> {
  for (let attempt = 1; ; attempt++) {
    const ports = await portVariables();
    try {
      return { ...(await npmStart({ ...ports, ...env })), ports };
    } catch (error) {
      if (attempt === 3 || !/is already in use; set \w+ to a free port/.test(String(error))) throw error;
    }
  }
}

/** `npm start` in its own process group (as a terminal runs it), until it says it is running. */
async function npmStart(env: Record<string, string>): Promise<Launched> {
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    // Only what a shell gives any program, then the suite's few variables.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const output = () => lines.join('\n');
  const running = new Promise<Running>((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const text = rest + chunk.toString();
        const complete = text.split('\n');
        rest = complete.pop()!;
        for (const line of complete) {
          lines.push(line);
          const record = parseJson(line);
          if (record?.service === 'launcher' && String(record.msg).startsWith('Switchyard is running'))
            resolve(record as unknown as Running);
        }
      });
    }
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before running:\n${output()}`)));
  });
  return { child, running: await running, output };
}

function parseJson(line: string): Record<string, unknown> | null {
  try {
    return line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Whatever is left of a launch that failed its test. */
function killGroup({ child }: Launched) {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The processes below `pid`, from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const visit = (id: number) => {
    for (const child of parents.get(id) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** The bundles (see bundleServices) these processes run: `stores.mjs`, `all-in-one.mjs`… */
function bundlesRun(processes: number[]): string[] {
  return processes
    .flatMap((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
          .split('\0')
          .filter((arg) => arg.endsWith('.mjs'));
      } catch {
        return []; // gone meanwhile
      }
    })
    .map((script) => path.basename(script))
    .sort();
}

/**
 * Ctrl-C: SIGINT to the whole process group; then nothing of it may be left, and every port is free.
 * Before, the services run as `bundles` say (one all-in-one process, or one process each).
 */
async function pressCtrlC({ child, output }: Launched, ports: Record<string, string>, bundles: string[]) {
  const processes = descendants(child.pid!);
  expect(bundlesRun(processes)).toEqual([...bundles].sort());
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  process.kill(-child.pid!, 'SIGINT');
  // npm itself ends by the signal, as it does at a terminal; the launcher must not have complained.
  expect([0, 'SIGINT']).toContain(await exited);
  expect(
    output()
      .split('\n')
      .filter((line) => /"service":"launcher".*"level":50|"level":50.*"service":"launcher"/.test(line)),
  ).toEqual([]);
  await eventually(async () => processes.filter(alive).length === 0, 15_000).catch(() => undefined);
  expect(processes.filter(alive)).toEqual([]);
  for (const port of Object.values(ports)) expect(await portIsFree(Number(port))).toBe(true);
}

/** Signs in through the login form at `origin` and lands on the dashboard with live updates connected. */
async function signInThroughTheBrowser(origin: string, admin: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin);
  await expectPage(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPage(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 });
  // The websocket, through the web server on the page's own origin.
  await expectPage(page.getByTestId('connection')).toHaveText('Live', { timeout: 30_000 });
  return { page, close: () => context.close() };
}

/** The README's curl block, run as written but for the port and the credentials; prints `me`. */
async function readmeCurlExamples(api: string, admin: { email: string; password: string }) {
  const block = documentedExamples('README.md').examples.get('try-it');
  if (!block) throw new Error('README.md has no "Try it" block of curl examples');
  expect(block.code).toContain('localhost:4000');
  const script = block.code
    .replaceAll('localhost:4000', `localhost:${new URL(api).port}`)
    .replaceAll('admin@switchyard.local', admin.email)
    .replaceAll('<printed password>', admin.password);
  return lastJsonLine(await runShellExample({ ...block, code: script }, {})) as {
    data?: { me: { email: string; role: string } };
  };
}

/** A change made through the API reaches the open dashboard without a reload. */
async function expectLiveActivity(page: Page, api: string, admin: { email: string; password: string }) {
  const { accessToken } = await login(api, admin.email, admin.password);
  const store = await createStore(api, accessToken, { name: `Launcher ${randomUUID().slice(0, 6)}` });
  await expectPage(page.getByTestId('activity')).toContainText(store.name, { timeout: 60_000 });
}

describe('npm start, as the README says', () => {
  it('on embedded defaults: sign-in in a browser on 127.0.0.1, localhost and the host name, live figures, the curl examples, the integrator guide, Ctrl-C', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-launcher-'));
    let launched: Awaited<ReturnType<typeof npmStartOnFreePorts>> | undefined;
    try {
      launched = await npmStartOnFreePorts({ DATA_DIR: dataDir });
      const { ports } = launched;
      const { web, api, firstAdmin } = launched.running;
      expect(web).toBe(`http://127.0.0.1:${ports.WEB_PORT}`);
      expect(api).toBe(`http://127.0.0.1:${ports.PORT}/graphql`);
      if (!firstAdmin) throw new Error(`no first admin announced:\n${launched.output()}`);

      // SvelteKit's CSRF check stays on: a form posted from another origin is refused.
      const forged = await fetch(`${web}/login`, {
        method: 'POST',
        headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(firstAdmin),
      });
      expect(forged.status).toBe(403);

      const { page, close } = await signInThroughTheBrowser(web, firstAdmin);
      // Live figures from the simulated hub, and an event arriving over the websocket.
      await expectPage(page.getByTestId('metric-devices')).toHaveText(/Devices online\s*[1-9]\d* of \d+/, {
        timeout: 60_000,
      });
      await expectLiveActivity(page, api, firstAdmin);
      await close();
      for (const host of ['localhost', hostname()]) {
        const session = await signInThroughTheBrowser(web.replace('127.0.0.1', host), firstAdmin);
        await session.close();
      }

      const me = await readmeCurlExamples(api, firstAdmin);
      expect(me.data?.me).toEqual({ email: firstAdmin.email, role: 'ADMIN' });
      await runIntegratorsGuide(api, firstAdmin);

      await pressCtrlC(launched, ports, ['all-in-one.mjs']);
    } finally {
      if (launched) killGroup(launched);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);

  const postgres = process.env.TEST_DATABASE_URL ? it : it.skip;
  postgres(
    'on PostgreSQL and Redis, with the secrets and admin the README asks for, and the integrator guide (webhooks included)',
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-launcher-'));
      const database = new URL(process.env.TEST_DATABASE_URL!);
      database.pathname = `/launcher_${randomUUID().slice(0, 8)}`;
      const admin = { email: 'owner@example.test', password: randomBytes(12).toString('hex') };
      let launched: Awaited<ReturnType<typeof npmStartOnFreePorts>> | undefined;
      try {
        launched = await npmStartOnFreePorts({
          DATA_DIR: dataDir,
          DATABASE_URL: database.toString(),
          ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
          JWT_SECRET: randomBytes(32).toString('hex'),
          INTERNAL_SIGNING_SECRET: randomBytes(32).toString('hex'),
          HARDWARE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
          ADMIN_EMAIL: admin.email,
          ADMIN_PASSWORD: admin.password,
          // The integrator guide's examples show the demo stores.
          SEED_DEMO_DATA: 'true',
          // What the guide tells a user whose webhook receiver runs on the same machine.
          ...GUIDE_SETTINGS,
        });
        const { web, api, firstAdmin } = launched.running;
        expect(firstAdmin).toBeUndefined();
        const { page, close } = await signInThroughTheBrowser(web, admin);
        await expectLiveActivity(page, api, admin);
        await close();
        const me = await readmeCurlExamples(api, admin);
        expect(me.data?.me).toEqual({ email: admin.email, role: 'ADMIN' });
        // Every example of the guide, those that need a setting included.
        expect(await runIntegratorsGuide(api, admin, GUIDE_SETTINGS)).toEqual([]);
        const separate = SERVICES.filter(({ name }) => name !== 'simulator').map(({ name }) => `${name}.mjs`);
        await pressCtrlC(launched, launched.ports, separate);
      } finally {
        if (launched) killGroup(launched);
        for (const { name } of SUBGRAPHS) await dropDatabase(subgraphDatabaseUrl(database.toString(), name));
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
