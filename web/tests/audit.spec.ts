// Sessions you can see and end (your own on the profile page, anyone's for an admin from the Users page),
// the security log page, and API key expiry and rotation on the API keys page.
import { expect, test } from '@playwright/test';
import {
  accessToken,
  admin,
  adminToken,
  api,
  createUser,
  screenshot,
  secondSession,
  signIn,
  confirmDialog,
} from './support.ts';

// Each test drives several sign-ins (argon2) and a live connection: on a loaded 2-core machine that is slow.
test.describe.configure({ timeout: 180_000 });

async function userId(email: string): Promise<string> {
  const data = await api<{ users: { edges: { node: { id: string; email: string } }[] } }>(
    '{ users(first: 200) { edges { node { id email } } } }',
    {},
    await adminToken(),
  );
  return data.users.edges.find((edge) => edge.node.email === email)!.node.id;
}

test('the profile lists where you are signed in, marks this device, and ends another session', async ({
  page,
  browser,
}) => {
  const user = await createUser('VIEWER');
  const other = await secondSession(browser, user);
  await expect(other.getByTestId('connection')).toHaveText('Live');
  await signIn(page, user);

  await page.goto('/settings/profile');
  const section = page.getByRole('region', { name: /Where you.re signed in/ });
  const rows = section.getByTestId('session');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  const here = rows.filter({ hasText: 'this device' });
  await expect(here).toHaveCount(1);
  // Chromium's own User-Agent, passed on by the web server, summarised.
  await expect(here).toContainText('Chrome on Linux');
  await screenshot(page, 'profile-sessions');

  await rows
    .filter({ hasNotText: 'this device' })
    .getByRole('button', { name: /^Revoke/ })
    .click();
  await confirmDialog(page, 'End session');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('this device');
  // The other browser's open page learns it over its websocket and goes to the login page.
  await expect(other).toHaveURL(/\/login/, { timeout: 20_000 });
  await other.context().close();
});

test("an admin sees a user's sessions from the Users page and ends one", async ({ page }) => {
  const user = await createUser('OPERATOR');
  await accessToken(user);
  await signIn(page, admin);
  await page.goto('/settings/users');
  await page.getByRole('link', { name: `Sessions of ${user.displayName}` }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`Sessions of ${user.displayName}`) })).toBeVisible();
  const rows = page.getByTestId('session');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).not.toContainText('this device');
  await rows
    .first()
    .getByRole('button', { name: /^Revoke/ })
    .click();
  await confirmDialog(page, 'End session');
  await expect(page.getByTestId('no-sessions')).toBeVisible();
});

test('the security log shows who did what, filtered by user and event, a page at a time', async ({ page }) => {
  const user = await createUser('VIEWER');
  const id = await userId(user.email);
  await accessToken(user);
  // 26 role changes: more than one page (25) of this user's "Role changed" events, the last to OPERATOR.
  const token = await adminToken();
  for (let i = 0; i < 26; i += 1)
    await api(
      'mutation($id: ID!, $role: Role!) { updateUserRole(id: $id, role: $role) { id } }',
      {
        id,
        role: i % 2 === 0 ? 'OPERATOR' : 'VIEWER',
      },
      token,
    );
  await api('mutation($id: ID!) { updateUserRole(id: $id, role: OPERATOR) { id } }', { id }, token);

  await signIn(page, admin);
  await page.goto('/settings/profile');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Security log' }).click();
  await expect(page).toHaveURL(/\/settings\/security-log/);

  await page.getByLabel('User', { exact: true }).selectOption(id);
  const events = page.getByTestId('security-event');
  await expect(events.first()).toHaveAttribute('data-type', 'ROLE_CHANGED');
  await expect(events.first().getByTestId('actor')).not.toHaveText(user.displayName);
  await expect(events.first()).toContainText('from: VIEWER · to: OPERATOR');
  // Role changes, then (on the next page) the sign-in and the creation.
  await expect(page.getByRole('heading', { name: '29 events' })).toBeVisible();
  await screenshot(page, 'security-log');

  await page.getByLabel('Event', { exact: true }).selectOption('ROLE_CHANGED');
  await expect(page.getByRole('heading', { name: '27 events' })).toBeVisible();
  await expect(events).toHaveCount(25);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(events).toHaveCount(2);
  await expect(events.last()).toContainText('from: VIEWER · to: OPERATOR');
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(events).toHaveCount(25);

  await page.getByLabel('Event', { exact: true }).selectOption('SIGN_IN_SUCCEEDED');
  await expect(events).toHaveCount(1);
  await expect(events.first().getByTestId('actor')).toHaveText(user.displayName);

  await page.getByLabel('Event', { exact: true }).selectOption('USER_CREATED');
  await expect(events).toHaveCount(1);
  await expect(events.first().getByTestId('subject')).toContainText(user.email);
});

test('API keys: an expiry date, a warning for keys expiring within 7 days, and rotation', async ({ page }) => {
  const user = await createUser('OPERATOR');
  await signIn(page, user);
  await page.goto('/settings/api-keys');
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('en-CA');
  await page.getByLabel('Name').fill('Nightly export');
  await page.getByLabel(/^Expires/).fill(inThreeDays);
  await page.getByLabel('stores:read').check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const firstSecret = await page.getByLabel('API key secret').inputValue();
  await page.getByRole('button', { name: 'Done' }).click();

  await expect(page.getByTestId('expiry-warning')).toContainText('“Nightly export” stops working in 3 days');
  const row = page.getByRole('row', { name: /Nightly export/ });
  await expect(row).toContainText(/expires in 3 days/);
  await screenshot(page, 'api-keys-expiring');

  await row.getByRole('button', { name: /^Rotate/ }).click();
  const dialog = page.getByTestId('rotate-dialog');
  await dialog.getByLabel('The old secret keeps working for').selectOption({ label: '1 hour' });
  await dialog.getByRole('button', { name: 'Rotate key' }).click();
  await expect(page.getByRole('heading', { name: 'Key “Nightly export” rotated' })).toBeVisible();
  await expect(page.getByTestId('grace-notice')).toContainText('The old secret keeps working until');
  const secondSecret = await page.getByLabel('API key secret').inputValue();
  expect(secondSecret).not.toBe(firstSecret);
  // Both work now, through the gateway: the old one for the hour of grace.
  for (const secret of [firstSecret, secondSecret]) {
    const response = await fetch(process.env.GATEWAY_URL!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await response.json()) as { data: { me: { email: string } } }).data.me.email).toBe(user.email);
  }
});
