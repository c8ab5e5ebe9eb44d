import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { eventually, readMailOutbox } from '@switchyard/testing';
import { admin, confirmDialog, createUser, screenshot, signIn } from './support';

/** The link in the newest mail to `address` that leads to `pathname`, as a person would click it. */
async function linkFromMail(address: string, pathname: string, count = 1): Promise<string> {
  const mail = await eventually(
    async () => (await readMailOutbox(process.env.IDENTITY_MAIL_DIR!)).filter((m) => m.to.includes(address))[count - 1],
    15_000,
    100,
  );
  const link = new RegExp(`https?://\\S+${pathname}\\?token=[A-Za-z0-9_%-]+`).exec(mail.text)?.[0];
  expect(link, `a ${pathname} link in "${mail.subject}"`).toBeTruthy();
  return link!;
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function invite(page: Page, email: string) {
  await page.goto('/settings/users');
  await page.getByLabel('Address to invite').fill(email);
  await page.getByLabel('Role to give').selectOption('VIEWER');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByTestId('invitation-row').filter({ hasText: email })).toContainText('pending');
}

test('forgot password: the mailed link sets a new password, which signs in', async ({ page }) => {
  const user = await createUser('VIEWER');
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  // The sign-in page has an Email field too: fill in only once this page is there.
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an account uses ${user.email}`);

  await page.goto(await linkFromMail(user.email, '/reset-password'));
  await page.getByLabel('New password', { exact: true }).fill('my brand new password');
  await page.getByLabel('Repeat the new password').fill('my brand new password');
  await screenshot(page, 'reset-password');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is changed');

  await signIn(page, { email: user.email, password: 'my brand new password' });
});

test('invitations: a viewer accepts in a fresh browser and is signed in; a revoked link fails', async ({
  page,
  browser,
}) => {
  // Two invitations, three browser sessions and their mails: more than the default minute on a busy machine.
  test.slow();
  await signIn(page, admin);
  const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
  await invite(page, email);
  await screenshot(page, 'settings-invitations');

  const invitee = await freshPage(browser);
  await invitee.goto(await linkFromMail(email, '/invitation'));
  await expect(invitee.getByTestId('invitation-email')).toHaveText(email);
  await invitee.getByLabel('Your name').fill('Ivy Invitee');
  await invitee.getByLabel('Password', { exact: true }).fill('the invitee password');
  await invitee.getByLabel('Repeat the password').fill('the invitee password');
  await invitee.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(invitee.locator('.who')).toContainText('Ivy Invitee');

  await page.reload();
  await expect(page.getByTestId('invitation-row').filter({ hasText: email })).toContainText('accepted');

  const revoked = `revoked-${randomUUID().slice(0, 8)}@example.test`;
  await invite(page, revoked);
  const link = await linkFromMail(revoked, '/invitation');
  await page
    .getByTestId('invitation-row')
    .filter({ hasText: revoked })
    .getByRole('button', { name: /Revoke/ })
    .click();
  await confirmDialog(page, 'Revoke invitation');
  await expect(page.getByTestId('invitation-row').filter({ hasText: revoked })).toContainText('revoked');

  const stranger = await freshPage(browser);
  await stranger.goto(link);
  await expect(stranger.getByRole('alert')).toContainText('This invitation was revoked');
  await expect(stranger.getByRole('button', { name: 'Create account and sign in' })).toHaveCount(0);
});

test('email change: the link mailed to the new address switches the account, and the old address is told', async ({
  page,
  browser,
}) => {
  test.slow();
  const user = await createUser('VIEWER');
  const newEmail = `renamed-${randomUUID().slice(0, 8)}@example.test`;
  await signIn(page, user);
  await page.goto('/settings/profile');
  await page.getByLabel('New email').fill(newEmail);
  await page.getByLabel('Your password, to confirm it is you').fill(user.password);
  await page.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'confirmation link' })).toContainText(newEmail);

  const confirming = await freshPage(browser);
  await confirming.goto(await linkFromMail(newEmail, '/confirm-email'));
  await confirming.getByRole('button', { name: 'Use this address for my account' }).click();
  await expect(confirming.getByRole('status')).toContainText('Your account now uses this address');

  const signedIn = await freshPage(browser);
  await signIn(signedIn, { email: newEmail, password: user.password });
  // The old address heard of the request and of the change.
  await eventually(
    async () =>
      (await readMailOutbox(process.env.IDENTITY_MAIL_DIR!)).filter((m) => m.to.includes(user.email)).length >= 2,
    15_000,
    100,
  );
});
