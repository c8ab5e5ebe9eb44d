import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { admin, adminToken, api, createStore, createUser, screenshot, signIn, unique } from './support.ts';

// The app's shell and shared pieces: confirmations in the app's own dialog, sign-out and error
// pages, the favicon, store history in words, API key usage, and lists on a phone.

test.beforeEach(({ page }) => {
  // Every question is asked in the app's dialog: a native confirm() would fail the test here.
  page.on('dialog', (dialog) => {
    void dialog.dismiss();
    throw new Error(`a native ${dialog.type()} dialog appeared: ${dialog.message()}`);
  });
});

async function roleOf(email: string): Promise<string> {
  const { users } = await api<{ users: { edges: { node: { email: string; role: string } }[] } }>(
    'query { users(first: 200) { edges { node { email role } } } }',
    {},
    await adminToken(),
  );
  return users.edges.find((e) => e.node.email === email)!.node.role;
}

test('changing a role asks first, keeps the role when declined, and confirms the change', async ({ page }) => {
  const user = await createUser('VIEWER');
  await signIn(page, admin);
  await page.goto('/settings/users');
  const select = page.getByLabel(`Role of ${user.displayName}`);
  const dialog = page.getByRole('dialog', { name: `Make ${user.displayName} an operator?` });

  await select.selectOption('OPERATOR');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('is a viewer now');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(select).toHaveValue('VIEWER');
  expect(await roleOf(user.email)).toBe('VIEWER');

  await select.selectOption('OPERATOR');
  await dialog.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: `${user.displayName} is now an operator.` })).toBeVisible();
  await expect(select).toHaveValue('OPERATOR');
  expect(await roleOf(user.email)).toBe('OPERATOR');
});

test('signing out starts the next person afresh; a first visit is not told a session ended', async ({
  page,
  browser,
}) => {
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto('/');
  await expect(fresh).toHaveURL(/\/login/);
  await expect(fresh.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(fresh.getByText('Your session has ended')).toHaveCount(0);
  await fresh.context().close();

  await signIn(page, admin);
  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const viewer = await createUser('VIEWER');
  await signIn(page, viewer);
  await expect(page).toHaveURL(/\/$/);
});

test('an error page keeps the app’s navigation, and the favicon is found after navigating', async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/no-such-page/at/all');
  await expect(page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stores' })).toBeVisible();

  const store = await createStore();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stores' }).click();
  await page.getByRole('searchbox').fill(store.name);
  await page.getByRole('link', { name: store.name }).click();
  await expect(page).toHaveURL(new RegExp(`/stores/${store.id}`));
  const icon = await page.locator('link[rel="icon"]').evaluate((link) => (link as HTMLLinkElement).href);
  expect((await page.request.get(icon)).status()).toBe(200);
});

test('store history reads in words: the network plan as on the store page, never JSON', async ({ page }) => {
  const [x, y] = [randomInt(100, 250), randomInt(0, 255)];
  const network = {
    vlanId: randomInt(2, 4000),
    subnet: `10.${x}.${y}.0/24`,
    gateway: `10.${x}.${y}.1`,
    dhcpRange: { start: `10.${x}.${y}.100`, end: `10.${x}.${y}.200` },
  };
  const { createStore: store } = await api<{ createStore: { id: string } }>(
    'mutation($input: CreateStoreInput!) { createStore(input: $input) { id } }',
    {
      input: {
        name: unique('History'),
        type: 'KIOSK',
        timezone: 'Europe/Berlin',
        address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
        network,
      },
    },
    await adminToken(),
  );
  await signIn(page, admin);
  await page.goto(`/stores/${store.id}`);
  const history = page.getByTestId('audit');
  await expect(history).toContainText(
    `Network plan: ${network.subnet} · VLAN ${network.vlanId} · gateway ${network.gateway} · DHCP ${network.dhcpRange.start} – ${network.dhcpRange.end}`,
  );
  await expect(history).toContainText('Postal code: 10115');
  await expect(history).not.toContainText('{');
  await expect(history).not.toContainText('address.');
});

test('a new API key says how to use it: the header, a working curl example, and Copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, admin);
  await page.goto('/settings/api-keys');
  await page.getByLabel('Name').fill(unique('Usage'));
  await page.getByRole('checkbox', { name: 'stores:read' }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = await page.getByLabel('API key secret').inputValue();
  const usage = page.getByTestId('api-key-usage');
  await expect(usage).toContainText('x-api-key');
  const curl = page.getByTestId('curl-example');
  const origin = new URL(page.url()).origin;
  await expect(curl).toContainText(`curl -s ${origin}/graphql`);
  await expect(curl).toContainText(`-H 'x-api-key: ${secret}'`);

  await usage.getByRole('button', { name: 'Copy curl example' }).click();
  await expect(usage.getByRole('button', { name: /^Copied/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(secret);

  // What the example sends works; the same key as a bearer token is refused, saying what to do.
  const body = JSON.stringify({ query: '{ apiKeyScopes }' });
  const ok = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': secret },
    body,
  });
  expect(ok.status).toBe(200);
  expect(((await ok.json()) as { data?: unknown }).data).toBeTruthy();
  const bearer = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body,
  });
  expect(bearer.status).toBe(401);
  const refused = (await bearer.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(refused.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  expect(refused.errors[0]!.message).toContain('x-api-key');
});

test('on a phone the stores list is compact cards with its filters folded, and nothing scrolls sideways', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { stores } = await api<{ stores: { totalCount: number } }>(
    'query { stores { totalCount } }',
    {},
    await adminToken(),
  );
  for (let i = stores.totalCount; i < 20; i++) await createStore();
  await signIn(page, admin);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/stores');
  const rows = page.getByTestId('store-list').locator('tbody tr');
  await expect(rows).toHaveCount(20);

  // Each store is a card of two or three short lines, not one line per column as before (six lines each).
  const table = await page.getByTestId('store-list').boundingBox();
  expect(table!.height / 20, 'average height of a store card').toBeLessThan(110);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The status and sort filters wait behind "Filters"; the search box stays.
  await expect(page.getByRole('searchbox')).toBeVisible();
  await expect(page.getByLabel('Status')).toBeHidden();
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByLabel('Status')).toBeVisible();
  await page.getByLabel('Status').selectOption('DRAFT');
  await expect(page).toHaveURL(/status=DRAFT/);
  await screenshot(page, 'stores-phone');
});
