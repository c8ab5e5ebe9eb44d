// Settings: API keys, users and the profile.
import { expect, test } from '@playwright/test';
import { admin, createUser, screenshot, secondSession, signIn, unique, confirmDialog } from './support.ts';

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
  await row.getByRole('button', { name: /Revoke/ }).click();
  await confirmDialog(page, 'Revoke key');
  await expect(row.getByText('revoked')).toBeVisible();

  await page.getByRole('link', { name: 'Users' }).click();
  // The API keys page has a Name field too: fill in only once the users page is there.
  await expect(page.getByRole('heading', { name: 'New user' })).toBeVisible();
  const email = `op-${Date.now()}@example.test`;
  await page.getByLabel('Name').fill('Olivia Operator');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Initial password').fill('a long enough password');
  await page.getByLabel('Role', { exact: true }).selectOption('OPERATOR');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await screenshot(page, 'settings-users');
});

test('profile: a user renames themselves and changes their password, which signs their other sessions out', async ({
  page,
  browser,
}) => {
  const user = await createUser('VIEWER');
  await signIn(page, user);
  const other = await secondSession(browser, user);
  await expect(other.getByTestId('connection')).toHaveText('Live');

  await page.goto('/settings/profile');
  await expect(page.getByTestId('profile-email')).toHaveText(user.email);
  const name = unique('Pat');
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your name is saved.' })).toBeVisible();
  await expect(page.locator('.who')).toContainText(name);

  await page.getByLabel('Current password').fill('not my password at all');
  await page.getByLabel('New password', { exact: true }).fill('another long enough password');
  await page.getByLabel('Repeat new password').fill('another long enough password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(/is not your current password/i);
  await expect(page.getByLabel('Current password')).toBeFocused();

  await page.getByLabel('Current password').fill(user.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();
  // The other browser's session ended with the change; this one goes on.
  await expect(other).toHaveURL(/\/login/, { timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId('profile-email')).toHaveText(user.email);
  await screenshot(page, 'settings-profile');
  await other.context().close();
});
