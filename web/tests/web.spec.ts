import { expect, test, type WebSocketRoute } from '@playwright/test';
import { admin, createStore, createUser, screenshot, secondSession, signIn, unique } from './support.ts';

test('signing in shows the dashboard with live connection and real figures', async ({ page }) => {
  await page.goto('/stores');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fstores/);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is wrong.');
  await screenshot(page, 'login');

  await signIn(page, admin);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await expect(page.getByTestId('metric-stores').locator('strong')).toHaveText(/^\d+$/);
  // The refresh token is a cookie scripts cannot read; a reload restores the session from it.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'switchyard_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/auth' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('switchyard_refresh');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await expect(page.getByTestId('metric-stores').locator('strong')).toHaveText(/^\d+$/);
  const total = Number(await page.getByTestId('metric-stores').locator('strong').textContent());
  // The hardware subgraph is not running here: its cards say so, the rest of the page works.
  await expect(page.getByTestId('metric-hubs')).toContainText('Unavailable right now');

  // A change made elsewhere lands in the activity list and the figures without a reload.
  const store = await createStore();
  await expect(page.getByTestId('activity')).toContainText(`created ${store.name}`);
  await expect(page.getByTestId('metric-stores').locator('strong')).toHaveText(String(total + 1));
  await screenshot(page, 'dashboard');
});

test('a store created through the wizard appears in another session’s list without a reload', async ({ page, browser }) => {
  await signIn(page, admin);
  const watcher = await secondSession(browser);
  await watcher.getByRole('link', { name: 'Stores', exact: true }).click();
  await expect(watcher.getByRole('heading', { name: 'Stores', level: 1 })).toBeVisible();
  await watcher.getByLabel('Sort').selectOption('CREATED_AT_DESC');
  await expect(watcher.getByRole('heading', { level: 2, name: /stores?$/ })).toBeVisible();

  const name = unique('Wizard Store');
  // Navigation is client-side: this marker would not survive a full page load.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('link', { name: 'Stores', exact: true }).click();
  await page.getByRole('link', { name: 'New store' }).click();
  await expect(page.getByRole('heading', { name: 'Basic info' })).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Type').selectOption('KIOSK');
  await page.getByLabel('Address', { exact: true }).fill('Marktplatz 3');
  await page.getByLabel('City').fill('Leipzig');
  await page.getByLabel('Postal code').fill('04109');
  await page.getByLabel('Country (2 letters)').fill('DE');
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  await screenshot(page, 'store-wizard');
  await page.getByRole('button', { name: 'Next: network' }).click();
  await expect(page.getByLabel('Subnet')).toHaveValue(/^\d+\.\d+\.\d+\.0\/24$/);
  await expect(page.getByLabel('Gateway')).toHaveValue(/\.1$/);
  await page.getByRole('button', { name: 'Next: review' }).click();
  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByTestId('store-name')).toHaveText(name);
  await expect(page.getByTestId('store-status')).toHaveText('draft');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  const row = watcher.getByTestId('store-list').getByRole('link', { name });
  await expect(row).toBeVisible();
  await screenshot(watcher, 'stores');

  // Live on the detail page too: a transition made here shows up there.
  await row.click();
  await expect(watcher.getByTestId('store-status')).toHaveText('draft');
  await page.getByRole('button', { name: 'Start provisioning' }).click();
  await expect(watcher.getByTestId('store-status')).toHaveText('provisioning');
  await expect(watcher.getByTestId('audit')).toContainText('status changed');
  await screenshot(watcher, 'store-detail');
  await watcher.context().close();
});

test('saving over someone else’s change shows the conflict dialog', async ({ page, browser }) => {
  const store = await createStore();
  await signIn(page, admin);
  await page.goto(`/stores/${store.id}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Name').fill(`${store.name} (mine)`);

  const other = await secondSession(browser);
  await other.goto(`/stores/${store.id}`);
  await other.getByRole('button', { name: 'Edit' }).click();
  await other.getByLabel('City').fill('Hamburg');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByTestId('store-version')).toHaveText('version 2');
  await other.context().close();

  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('version 2');
  await screenshot(page, 'store-conflict');
  await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('store-name')).toHaveText(`${store.name} (mine)`);
  await expect(page.getByTestId('store-version')).toHaveText('version 3');
});

test('a viewer sees stores but no edit controls', async ({ page }) => {
  const store = await createStore();
  const viewer = await createUser('VIEWER');
  await signIn(page, viewer);
  await page.getByRole('link', { name: 'Stores', exact: true }).click();
  await expect(page.getByTestId('store-list')).toBeVisible();
  await expect(page.getByRole('link', { name: 'New store' })).toHaveCount(0);
  await page.goto(`/stores/${store.id}`);
  await expect(page.getByTestId('store-name')).toHaveText(store.name);
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start provisioning' })).toHaveCount(0);
  await page.goto('/stores/new');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
});

test('settings: an API key’s secret is shown once; an admin manages users', async ({ page }) => {
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Name').fill('Inventory sync');
  await page.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByLabel('API key secret')).toHaveValue(/.{20,}/);
  await screenshot(page, 'settings-api-keys');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('API key secret')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: 'Inventory sync' });
  await expect(row).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: /Revoke/ }).click();
  await expect(row.getByText('revoked')).toBeVisible();

  await page.getByRole('link', { name: 'Users' }).click();
  const email = `op-${Date.now()}@example.test`;
  await page.getByLabel('Name').fill('Olivia Operator');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Initial password').fill('a long enough password');
  await page.getByLabel('Role', { exact: true }).selectOption('OPERATOR');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await screenshot(page, 'settings-users');
});

test('signing out everywhere: a revoked session sends the other tab to the login page', async ({ page, browser }) => {
  const user = await createUser('OPERATOR');
  await signIn(page, user);
  const other = await secondSession(browser, user);
  await expect(other.getByTestId('connection')).toHaveText('Live');
  // Deactivating the user ends every session; the open page learns it over the websocket.
  await page.context().close();
  const { adminToken, api } = await import('./support.ts');
  const token = await adminToken();
  const users = await api<{ users: { edges: { node: { id: string; email: string } }[] } }>('{ users(first: 200) { edges { node { id email } } } }', {}, token);
  const id = users.users.edges.find((e) => e.node.email === user.email)!.node.id;
  await api('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id }, token);
  await expect(other).toHaveURL(/\/login/, { timeout: 20_000 });
  await other.context().close();
});

test('the connection indicator shows a lost live connection, which comes back by itself', async ({ page }) => {
  let accept = true;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    if (!accept) return void ws.close({ code: 1012, reason: 'test: network down' });
    ws.connectToServer();
    sockets.push(ws);
  });
  await signIn(page, admin);
  const indicator = page.getByTestId('connection');
  await expect(indicator).toHaveText('Live');

  accept = false;
  await sockets.at(-1)!.close({ code: 1012, reason: 'test: network down' });
  await expect(indicator).toHaveText('Offline: reconnecting');
  await screenshot(page, 'dashboard-offline');

  accept = true;
  await expect(indicator).toHaveText('Live', { timeout: 20_000 });
  // Subscriptions resume on the new socket.
  const store = await createStore();
  await expect(page.getByTestId('activity')).toContainText(`created ${store.name}`);
});

test('a signed-in page outlives its access token: silent refresh, and live updates continue', async ({ page }) => {
  const ttl = Number(process.env.ACCESS_TOKEN_TTL_SECONDS);
  test.skip(!ttl || ttl > 120, 'needs the short token lifetime tests/run.ts sets');
  test.setTimeout((ttl + 60) * 1000);
  const refreshes: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/auth/refresh')) refreshes.push(response.status());
  });
  await signIn(page, admin);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  // The socket was opened with the first token: the gateway closes it once that expires (4401).
  await page.waitForTimeout((ttl + 8) * 1000);
  expect(refreshes.length).toBeGreaterThan(0);
  expect(refreshes.every((status) => status === 200)).toBe(true);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  const store = await createStore();
  await expect(page.getByTestId('activity')).toContainText(`created ${store.name}`);
  await page.getByRole('link', { name: 'Stores', exact: true }).click();
  await expect(page.getByTestId('store-list').getByRole('link', { name: store.name })).toBeVisible();
});
