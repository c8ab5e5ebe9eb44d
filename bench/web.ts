// npm run bench:web [-- --runs 5]
// How fast the web UI feels, in Debian's chromium driven by Playwright: the system started the way
// the browser suite starts it (the launcher's code: every subgraph, the gateway and the web app as
// real processes on free ports, built first if needed, with a simulated Hubitat hub registered at
// start), seeded with 20 stores and a household of 10 recipes, then measured `runs` times each:
// - each main page (dashboard, stores, devices, meals, monitoring, settings), loaded
//   cold: a full load in a new browser profile (empty HTTP cache) whose session cookie is fresh,
//   warm: the same page reloaded in that profile (scripts cached, the session restored again),
//   navigated: reached by a click in the app's navigation bar, from another page;
// - sign-in: from the click on "Sign in" to the dashboard interactive;
// - store creation: from the click on "Create store", the wizard's last step, to the new store's page interactive;
// - a device command: from the click on a switch tile's toggle to the tile showing the new value,
//   which it does only when the hub's event has confirmed it (the simulator's, over the live socket).
// "Interactive" means: the page's <h1> is rendered (by the app's scripts: the UI renders in the
// browser, so its event handlers are attached by then), every data view has its data (no `.loading`
// line left in <main>, the QueryState convention), and the page's main content is on screen (e.g.
// the store table, a device tile). Timed from the Node side around Playwright's actions, polling
// every animation frame, so a figure includes a frame or two and one DevTools round trip.
// Prints a table with the median and p95 of each measure and its target (on a quiet machine: every
// page < 1 s warm, sign-in < 1.5 s, store creation < 1 s, command to confirmed tile < 1 s), and the
// load average at start and at the end, so a reader can tell whether the machine was quiet.
// Uses PostgreSQL (+ Redis) when TEST_DATABASE_URL (+ TEST_REDIS_URL) are set, PGlite otherwise.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { freePort } from '@switchyard/testing';
import { createHousehold, createRecipe, createStores, login, storeInput } from '@switchyard/testing/fixtures';
import { startSystem } from '@switchyard/testing/system';
import { createSimulator } from '../subgraphs/hardware/simulator/src/simulator.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const backend = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
const loadAtStart = loadavg();

/** The main pages: where each is, its link in the navigation bar, and what shows its content. */
const PAGES = [
  { name: 'dashboard', path: '/', nav: 'Dashboard', content: '[data-testid="metric-devices"]' },
  { name: 'stores', path: '/stores', nav: 'Stores', content: '[data-testid="store-list"]' },
  { name: 'devices', path: '/devices', nav: 'Devices', content: '[data-testid="device-tile"]' },
  { name: 'meals', path: '/meals/recipes', nav: 'Meals', content: '[data-testid="recipe-list"]' },
  { name: 'monitoring', path: '/monitoring', nav: 'Monitoring', content: '[data-testid="service-matrix"]' },
  { name: 'settings', path: '/settings/api-keys', nav: 'Settings', content: 'main table, main .empty' },
] as const;

const TARGETS_MS: Record<string, number> = { warm: 1000, 'sign-in': 1500, 'store creation': 1000, command: 1000 };

/** Resolves once the page is interactive as defined above, with `content` on screen. */
async function interactive(page: Page, content: string): Promise<void> {
  await page.waitForFunction(
    (selector) =>
      document.querySelector('main h1') !== null &&
      document.querySelector('main .loading') === null &&
      document.querySelector(selector) !== null,
    content,
    { polling: 'raf', timeout: 30_000 },
  );
}

/** Milliseconds `action` takes. */
async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

const simulatorToken = randomBytes(16).toString('hex');
const simulator = await createSimulator({ accessToken: simulatorToken, port: await freePort() });
const system = await startSystem(backend, {
  web: true,
  env: {
    LOG_LEVEL: 'warn',
    SIMULATED_HUB_URL: simulator.url,
    SIMULATED_HUB_TOKEN: simulatorToken,
    SIMULATED_HUB_APP_ID: simulator.appId,
  },
}).catch(async (error: unknown) => {
  await simulator.stop();
  throw error;
});
let browser: Browser | undefined;
try {
  const webUrl = system.webUrl!;
  const { admin } = system;
  const token = (await login(system.gatewayUrl, admin.email, admin.password)).accessToken;
  await createStores(
    system.gatewayUrl,
    token,
    Array.from({ length: 20 }, () => storeInput()),
  );
  await createHousehold(system.gatewayUrl, token, 'Bench');
  for (let i = 0; i < 10; i++)
    await createRecipe(system.gatewayUrl, token, `Recipe ${i}`, ['200 g flour', '2 eggs', '300 ml milk']);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // A valid default time zone for the wizard, whatever the machine's.
  const newContext = () =>
    browser!.newContext({ baseURL: webUrl, timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 800 } });

  /** Signs in through the login form; resolves with the milliseconds from the click to the dashboard interactive. */
  async function signIn(page: Page): Promise<number> {
    await page.goto('/login');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    return timed(async () => {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await interactive(page, PAGES[0].content);
    });
  }

  /** A new browser profile with a live session cookie and an empty HTTP cache. */
  async function signedInContext(): Promise<BrowserContext> {
    const context = await newContext();
    // The login form's action, posted as the browser would (not timed), sets the refresh cookie only.
    const response = await context.request.post('/login?/password', {
      form: { email: admin.email, password: admin.password },
      headers: { origin: new URL(webUrl).origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
    });
    const body = await response.text();
    if (!response.ok() || !body.includes('"type":"success"')) throw new Error(`signing in failed: ${body}`);
    return context;
  }

  const samples = new Map<string, number[]>();
  const record = (measure: string, ms: number) => samples.set(measure, [...(samples.get(measure) ?? []), ms]);

  for (let run = 1; run <= runs; run++) {
    for (const target of PAGES) {
      const context = await signedInContext();
      const page = await context.newPage();
      record(
        `${target.name} cold`,
        await timed(() => page.goto(target.path).then(() => interactive(page, target.content))),
      );
      record(`${target.name} warm`, await timed(() => page.reload().then(() => interactive(page, target.content))));
      // From another page of the app, by its navigation bar.
      const from = target === PAGES[0] ? PAGES[1] : PAGES[0];
      await page.goto(from.path);
      await interactive(page, from.content);
      record(
        `${target.name} navigated`,
        await timed(async () => {
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: target.nav, exact: true })
            .click();
          await interactive(page, target.content);
        }),
      );
      await context.close();
    }

    const context = await newContext();
    const page = await context.newPage();
    record('sign-in', await signIn(page));

    await page.goto('/stores/new');
    await interactive(page, 'form');
    await page.getByLabel('Name').fill(`Bench store ${randomBytes(3).toString('hex')}`);
    await page.getByLabel('Address', { exact: true }).fill('Marktplatz 3');
    await page.getByLabel('City').fill('Leipzig');
    await page.getByLabel('Postal code').fill('04109');
    await page.getByLabel(/^Country/).fill('DE');
    await page.getByRole('button', { name: 'Next: hardware' }).click();
    await page.getByRole('button', { name: 'Next: network' }).click();
    // The suggested subnet, asked of the API on arriving at the step.
    await expect(page.getByLabel('Subnet')).toHaveValue(/\/24$/);
    await page.getByRole('button', { name: 'Next: review' }).click();
    record(
      'store creation',
      await timed(async () => {
        await page.getByRole('button', { name: 'Create store' }).click();
        await page.waitForURL(/\/stores\/[0-9a-f-]{36}/);
        await interactive(page, '[data-testid="store-name"]');
      }),
    );

    await page.goto('/devices');
    await interactive(page, PAGES[2].content);
    // The live socket must be up, or the confirming event could not reach this page.
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    const tile = page
      .getByTestId('device-tile')
      .filter({ has: page.getByTestId('switch-control') })
      .first();
    const value = tile.getByTestId('attr-switch');
    const next = (await value.textContent())?.trim() === 'on' ? 'off' : 'on';
    record(
      'command',
      await timed(async () => {
        await tile.getByTestId('switch-control').click();
        await value.filter({ hasText: new RegExp(`^${next}$`) }).waitFor({ timeout: 30_000 });
      }),
    );
    await context.close();
    console.log(`run ${run} of ${runs} done`);
  }

  printTable(samples);
} finally {
  await browser?.close();
  await system.destroy();
  await simulator.stop();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function printTable(samples: Map<string, number[]>) {
  const load = (figures: number[]) => figures.map((figure) => figure.toFixed(2)).join(', ');
  console.log(`\nbench:web on ${backend}${system.env.REDIS_URL ? ' + redis' : ''}, ${runs} runs`);
  console.log(`load average (1, 5, 15 min) at start: ${load(loadAtStart)}; at the end: ${load(loadavg())}`);
  const columns = ['measure', 'median ms', 'p95 ms', 'target ms', ''];
  const widths = [24, 10, 10, 10, 6];
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' ');
  console.log(line(columns));
  for (const [measure, figures] of samples) {
    const sorted = [...figures].sort((a, b) => a - b);
    const target = TARGETS_MS[measure] ?? TARGETS_MS[measure.split(' ').at(-1)!];
    const median = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const verdict = target === undefined ? '' : p95 < target ? 'ok' : median < target ? 'p95 over' : 'over';
    console.log(
      line([measure, median.toFixed(0), p95.toFixed(0), target === undefined ? '' : String(target), verdict]),
    );
  }
}
