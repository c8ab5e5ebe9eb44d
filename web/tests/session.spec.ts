// Signing in, the dashboard it lands on, and how a session lives on: the live connection, token refresh, revocation.
import { expect, test, type WebSocketRoute } from '@playwright/test';
import { admin, adminToken, api, createStore, createUser, screenshot, secondSession, signIn } from './support.ts';

test('pages carry a CSP without inline scripts and refuse framing and sniffing', async ({ page }) => {
  const scriptErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      scriptErrors.push(message.text());
  });
  const response = await page.goto('/login');
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).toMatch(/'nonce-[^']+'|'sha256-[^']+'/);
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
  });
  // Plain HTTP here: no HSTS.
  expect(headers).not.toHaveProperty('strict-transport-security');
  // The app still boots under the policy: the form is rendered by the app's script, and nothing was blocked.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(scriptErrors).toEqual([]);
});

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
  expect(cookies.find((c) => c.name === 'switchyard_refresh')).toMatchObject({
    httpOnly: true,
    sameSite: 'Lax',
    path: '/auth',
  });
  expect(await page.evaluate(() => document.cookie)).not.toContain('switchyard_refresh');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await expect(page.getByTestId('metric-stores').locator('strong')).toHaveText(/^\d+$/);
  const total = Number(await page.getByTestId('metric-stores').locator('strong').textContent());
  // Hardware runs with the simulated hub it registered at start.
  await expect(page.getByTestId('metric-hubs').locator('strong')).toHaveText(/^\d+ of [1-9]\d*$/);
  // Observability's overview, with the device counts hardware adds to it through federation.
  await expect(page.getByTestId('metric-devices').locator('strong')).toHaveText(/^\d+ of [1-9]\d*$/);
  await expect(page.getByTestId('metric-alerts').locator('strong')).toHaveText(/^\d+$/);
  // The feed is business-wide: this very sign-in is in it (identity's UserLoggedIn).
  await expect(page.getByTestId('activity')).toContainText('Administrator signed in', { timeout: 20_000 });

  // A change made elsewhere lands in the activity list and the figures without a reload.
  const store = await createStore();
  await expect(page.getByTestId('activity')).toContainText(`created ${store.name}`);
  await expect(page.getByTestId('metric-stores').locator('strong')).toHaveText(String(total + 1));
  await screenshot(page, 'dashboard');
});

test('signing out everywhere: a revoked session sends the other tab to the login page', async ({ page, browser }) => {
  const user = await createUser('OPERATOR');
  await signIn(page, user);
  const other = await secondSession(browser, user);
  await expect(other.getByTestId('connection')).toHaveText('Live');
  // Deactivating the user ends every session; the open page learns it over the websocket.
  await page.context().close();
  const token = await adminToken();
  const users = await api<{ users: { edges: { node: { id: string; email: string } }[] } }>(
    '{ users(first: 200) { edges { node { id email } } } }',
    {},
    token,
  );
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
  await expect(indicator).toHaveText('Reconnecting…');
  await screenshot(page, 'dashboard-offline');

  accept = true;
  await expect(indicator).toHaveText('Live', { timeout: 20_000 });
  // Subscriptions resume on the new socket.
  const store = await createStore();
  await expect(page.getByTestId('activity')).toContainText(`created ${store.name}`);
});

// graphql-ws gives up for good on 4500 (its "internal server error") and on 1000–1999 codes such as
// 1011; the client must treat them like any other drop. Playwright's route stands where a proxy would:
// the page's own socket reaches the real gateway, and the route closes it as a failing server does.
for (const code of [4500, 1011])
  test(`live updates come back after the server closes the socket with ${code}`, async ({ page }) => {
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await signIn(page, admin);
    const indicator = page.getByTestId('connection');
    await expect(indicator).toHaveText('Live');

    for (let round = 1; round <= 2; round++) {
      const before = sockets.length;
      await sockets.at(-1)!.close({ code, reason: 'test: server failure' });
      // Retries wait at least half a second: the indicator says so meanwhile.
      await expect(indicator).toHaveText('Reconnecting…');
      await expect(indicator).toHaveText('Live', { timeout: 20_000 });
      expect(sockets.length).toBeGreaterThan(before);
      const store = await createStore();
      await expect(page.getByTestId('activity')).toContainText(`created ${store.name}`);
    }
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
  const reconnections: string[] = [];
  page.on('websocket', (socket) => reconnections.push(socket.url()));
  // The socket was opened with the first token; each refresh renews it in place (a ping carrying the
  // new token), so the gateway never closes it for expiry and no second socket is needed.
  await page.waitForTimeout((ttl + 8) * 1000);
  expect(refreshes.length).toBeGreaterThan(0);
  expect(refreshes.every((status) => status === 200)).toBe(true);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  expect(reconnections).toEqual([]);
  const store = await createStore();
  await expect(page.getByTestId('activity')).toContainText(`created ${store.name}`);
  await page.getByRole('link', { name: 'Stores', exact: true }).click();
  await expect(page.getByTestId('store-list').getByRole('link', { name: store.name })).toBeVisible();
});

test('a refresh the API cannot answer (503) keeps the session: a notice instead of the login page, then back without signing in', async ({
  page,
}) => {
  await signIn(page, admin);
  await page.route('**/auth/refresh', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"SERVICE_UNAVAILABLE"}' }),
  );
  await page.reload();
  await expect(page.getByText('temporarily unavailable')).toBeVisible();
  expect(page.url()).not.toContain('/login');
  await page.unroute('**/auth/refresh');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
});
