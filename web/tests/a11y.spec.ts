import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { REDIRECTS, SIGNED_IN, SIGNED_OUT, type Fixtures } from './a11y-routes.ts';
import { admin, adminToken, api, createAsset, createStore, signIn, unique } from './support.ts';

// axe-core on every page of the app, on a desktop and on a phone: no serious or critical
// violation anywhere. Which pages: a11y-routes.ts, checked against src/routes here.

const ROUTES_DIR = path.join(import.meta.dirname, '../src/routes');
const VIEWPORTS = [
  { label: 'desktop', width: 1280, height: 800 },
  { label: 'phone', width: 390, height: 844 },
] as const;
const FAILING = new Set(['serious', 'critical']);

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** Every route with a page: its folder under src/routes ('' for the root). */
function pageRoutes(dir = ROUTES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return pageRoutes(path.join(dir, entry.name));
    if (entry.name !== '+page.svelte' && entry.name !== '+page.ts') return [];
    return [path.relative(ROUTES_DIR, dir).split(path.sep).join('/')];
  });
}

test('every page of the app is in the accessibility check', () => {
  const listed = new Set([...Object.keys(SIGNED_IN), ...Object.keys(SIGNED_OUT), ...REDIRECTS]);
  const unlisted = [...new Set(pageRoutes())].filter((route) => !listed.has(route));
  expect(unlisted, 'routes missing from tests/a11y-routes.ts').toEqual([]);
});

/** The page has loaded what it shows: no request under way, no loading line, nothing busy. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
}

/** One line per offending element, so a failure says what to fix and where. */
function describe(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .map((n) => `    ${n.target.join(' ')}\n      ${n.html}\n      ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** axe at each viewport; returns what failed, keyed "address @ viewport". */
async function audit(page: Page, address: string): Promise<string[]> {
  const failures: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await settle(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const failing = violations.filter((v) => FAILING.has(v.impact ?? ''));
    const other = violations.filter((v) => !FAILING.has(v.impact ?? ''));
    if (other.length) console.log(`${address} @ ${viewport.label}, not failing:\n${describe(other)}`);
    if (failing.length) failures.push(`${address} @ ${viewport.label}\n${describe(failing)}`);
    if (failing.length) console.log(`${address} @ ${viewport.label}, FAILING:\n${describe(failing)}`);
    // On a phone nothing may scroll sideways either.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > viewport.width) failures.push(`${address} @ ${viewport.label}: ${width} px wide, scrolls sideways`);
  }
  await page.setViewportSize(VIEWPORTS[0]);
  return failures;
}

async function fixtures(): Promise<Fixtures> {
  const token = await adminToken();
  const store = await createStore();
  const { devices, me } = await api<{
    devices: { edges: { node: { id: string; hub: { id: string } } }[] };
    me: { id: string };
  }>('query { devices(first: 1) { edges { node { id hub { id } } } } me { id } }', {}, token);
  const { myHousehold } = await api<{ myHousehold: { id: string } | null }>('query { myHousehold { id } }', {}, token);
  if (!myHousehold)
    await api(
      'mutation($n: String!) { createHousehold(name: $n, timeZone: "Europe/Berlin") { id } }',
      { n: unique('Home') },
      token,
    );
  const { createRecipe } = await api<{ createRecipe: { id: string } }>(
    'mutation($input: RecipeInput!) { createRecipe(input: $input) { id } }',
    {
      input: {
        title: unique('Axe Soup'),
        servings: 2,
        ingredients: [{ raw: '500 g carrots' }, { raw: '1 l stock' }],
        steps: ['Simmer until soft.'],
      },
    },
    token,
  );
  const { createWebhookEndpoint } = await api<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
    { input: { url: 'http://127.0.0.1:9/axe', eventTypes: ['store.deleted'] } },
    token,
  );
  // A push monitor: its page shows every section (the push URL too) without checking anything outside.
  const { createMonitor } = await api<{ createMonitor: { id: string } }>(
    'mutation($input: MonitorInput!) { createMonitor(input: $input) { id } }',
    { input: { name: unique('Axe heartbeat'), kind: 'PUSH', storeId: store.id } },
    token,
  );
  const { services } = await api<{ services: { name: string }[] }>('{ services { name } }', {}, token);
  const statusPageSlug = `axe-${Date.now().toString(36)}`;
  const { createStatusPage } = await api<{ createStatusPage: { id: string } }>(
    'mutation($input: StatusPageInput!) { createStatusPage(input: $input) { id } }',
    {
      input: {
        slug: statusPageSlug,
        title: unique('Axe status'),
        published: true,
        components: services.slice(0, 2).map((s, i) => ({ subject: s.name, displayName: `Part ${i + 1}` })),
      },
    },
    token,
  );
  await api(
    'mutation($input: IncidentInput!) { createIncident(input: $input) { id } }',
    // On its own page only: an incident without pages shows on every page, other specs' too.
    {
      input: {
        title: unique('Axe incident'),
        message: 'Looking into it.',
        impact: 'MINOR',
        statusPageIds: [createStatusPage.id],
      },
    },
    token,
  );
  // Tagged in bulk: the store page shows a tag, and the change has a page of its own.
  const { bulkTagStores } = await api<{ bulkTagStores: { changeId: string } }>(
    'mutation($ids: [ID!]!) { bulkTagStores(ids: $ids, add: ["axe"]) { changeId } }',
    { ids: [store.id] },
    token,
  );
  return {
    statusPageSlug,
    storeId: store.id,
    deviceId: devices.edges[0]!.node.id,
    hubId: devices.edges[0]!.node.hub.id,
    recipeId: createRecipe.id,
    userId: me.id,
    webhookId: createWebhookEndpoint.endpoint.id,
    assetId: (await createAsset()).id,
    monitorId: createMonitor.id,
    changeId: bulkTagStores.changeId,
  };
}

// The API reference renders every operation and type of the schema on one page: axe takes minutes
// over it, and longer as the schema grows (about 1.5 min per viewport at 5 subgraphs' worth).
const HEAVY = new Set(['api/reference']);

for (const [route, address] of Object.entries(SIGNED_OUT))
  test(`axe: ${route}, signed out, desktop and phone`, async ({ page }) => {
    // Two full axe runs of a page: CPU-bound, and slow on a busy machine.
    if (HEAVY.has(route)) test.setTimeout(10 * 60_000);
    else test.slow();
    await page.goto(address);
    const failures = await audit(page, address);
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

test.describe('signed in as the admin', () => {
  // One session and one set of records for all of them (again after a failure, in a new worker).
  let records: Fixtures;
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    records = await fixtures();
    page = await (await browser.newContext()).newPage();
    await signIn(page, admin);
  });
  test.afterAll(() => page.context().close());

  for (const [route, address] of Object.entries(SIGNED_IN))
    test(`axe: ${route}, desktop and phone`, async () => {
      test.slow();
      await page.goto(address(records));
      const failures = await audit(page, address(records));
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
});
