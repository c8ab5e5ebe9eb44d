import { randomUUID } from 'node:crypto';
import { expect, type Browser, type Page } from '@playwright/test';

export const admin = { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! };
export const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 6)}`;

/** A GraphQL call straight to the gateway, for fixtures. */
export async function api<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(process.env.GATEWAY_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function adminToken(): Promise<string> {
  return accessToken(admin);
}

/** A fresh access token of `user`, for fixtures made as them. */
export async function accessToken(user: { email: string; password: string }): Promise<string> {
  const data = await api<{ login: { accessToken: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: user.email, p: user.password },
  );
  return data.login.accessToken;
}

export async function createUser(role: 'ADMIN' | 'OPERATOR' | 'VIEWER') {
  const user = {
    email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`,
    password: 'a long enough password',
    displayName: unique(role.toLowerCase()),
  };
  await api(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { ...user, role } },
    await adminToken(),
  );
  return user;
}

export async function createStore(name = unique('Store')) {
  const data = await api<{ createStore: { id: string } }>(
    'mutation($input: CreateStoreInput!) { createStore(input: $input) { id } }',
    {
      input: {
        name,
        type: 'STANDARD',
        timezone: 'Europe/Berlin',
        address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
      },
    },
    await adminToken(),
  );
  return { id: data.createStore.id, name };
}

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

/** A second, independent browser session (own cookies), signed in. */
export async function secondSession(browser: Browser, user = admin): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

export async function screenshot(page: Page, name: string) {
  for (const [label, size] of [
    ['desktop', { width: 1280, height: 800 }],
    ['360', { width: 360, height: 740 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/${name}-${label}.png`, fullPage: true });
    // Responsive down to 360 px: nothing may scroll sideways.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} is wider than ${size.width} px`,
    ).toBeLessThanOrEqual(size.width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** An asset in stock (IN_STOCK), with a unique serial number. */
export async function createAsset(kind = 'POS_TERMINAL') {
  const serialNumber = `SN-${randomUUID().slice(0, 8).toUpperCase()}`;
  const data = await api<{ createAsset: { id: string } }>(
    'mutation($input: CreateAssetInput!) { createAsset(input: $input) { id } }',
    { input: { kind, serialNumber, model: 'TX-100', vendor: 'Acme' } },
    await adminToken(),
  );
  return { id: data.createAsset.id, serialNumber };
}

/** An asset as the API reports it now. */
export async function assetState(id: string) {
  const data = await api<{ asset: { status: string; store: { id: string } | null } | null }>(
    'query($id: ID!) { asset(id: $id) { status store { id } } }',
    { id },
    await adminToken(),
  );
  return data.asset;
}

/** Store statuses as the API reports them now, by id. */
export async function storeStatuses(ids: string[]): Promise<Record<string, string>> {
  const token = await adminToken();
  const entries = await Promise.all(
    ids.map(
      async (id) =>
        [
          id,
          (await api<{ store: { status: string } }>('query($id: ID!) { store(id: $id) { status } }', { id }, token))
            .store.status,
        ] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** Goes ahead in the app's confirmation dialog (`confirmAction`) by its button, e.g. "Revoke key". */
export async function confirmDialog(page: Page, button: string) {
  const dialog = page.getByTestId('confirm-action');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}
