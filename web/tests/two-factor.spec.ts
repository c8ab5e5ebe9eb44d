// Two-factor sign-in as a user meets it: enrol with the secret shown on the page, sign out, sign in
// with a code from the app (here the `otpauth` library, playing the authenticator app), and a
// recovery code working once.
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { createUser, screenshot, confirmDialog } from './support.ts';

/** The app's code `steps` periods from now: each period's code signs in once. */
const codeAt = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

async function passwordStep(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Authentication code')).toBeVisible();
}

async function secondStep(page: Page, code: string) {
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('enrol with the QR code or its secret, then sign in with a code or a recovery code once', async ({ page }) => {
  // Four sign-ins and an enrolment in one story.
  test.slow();
  const user = await createUser('VIEWER');
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  await page.goto('/settings/profile');
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  const qr = section.getByRole('img', { name: 'QR code of the two-factor secret' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  const secret = (await section.getByTestId('totp-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screenshot(page, 'two-factor-enrol');

  // A wrong code leaves it off.
  await section.getByLabel('Code the app shows').fill('000000');
  await section.getByRole('button', { name: 'Turn on' }).click();
  await expect(section.getByText('is not the current code of your authenticator app')).toBeVisible();
  // The previous period's code, so this one and the next are left for signing in.
  await section.getByLabel('Code the app shows').fill(codeAt(secret, -1));
  await section.getByRole('button', { name: 'Turn on' }).click();
  const codes = section.getByTestId('recovery-codes').getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
  for (const code of recoveryCodes) expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await screenshot(page, 'two-factor-recovery-codes');
  await section.getByRole('button', { name: 'I have saved them' }).click();
  // Shown once: gone from the page, and nothing can show them again.
  await expect(section.getByTestId('recovery-codes')).toHaveCount(0);
  await expect(section.getByTestId('two-factor-state')).toContainText('10 of 10 recovery codes left');

  await signOut(page);
  await passwordStep(page, user);
  await screenshot(page, 'two-factor-sign-in');
  await secondStep(page, '000000');
  await expect(page.getByRole('alert')).toContainText('That code is not valid');
  await secondStep(page, codeAt(secret));
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  // A recovery code signs in once…
  await signOut(page);
  await passwordStep(page, user);
  await secondStep(page, recoveryCodes[0]!);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  // …and not twice.
  await signOut(page);
  await passwordStep(page, user);
  await secondStep(page, recoveryCodes[0]!);
  await expect(page.getByRole('alert')).toContainText('That code is not valid');
  await secondStep(page, recoveryCodes[1]!);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  // Turning it off needs a code; then the password alone signs in again.
  await page.goto('/settings/profile');
  await expect(section.getByTestId('two-factor-state')).toContainText('8 of 10 recovery codes left');
  await section.getByLabel('Code from your authenticator app').fill(recoveryCodes[2]!);
  await section.getByRole('button', { name: 'Turn off' }).click();
  await confirmDialog(page, 'Turn off');
  await expect(section.getByRole('button', { name: 'Set up two-factor sign-in' })).toBeVisible();
});
