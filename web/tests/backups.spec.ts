// Settings → Backups: an admin backs up now, watches it finish and downloads the archive; nobody else sees the page.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { admin, adminToken, api, createUser, screenshot, signIn } from './support.ts';

test('backups: an admin backs up now, sees it succeed with its size and downloads the archive', async ({ page }) => {
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 2 })).toBeVisible();
  await expect(page.getByTestId('backup-settings')).toContainText('S3 upload');
  await expect(page.getByRole('heading', { name: 'Restoring' })).toBeVisible();
  await expect(page.getByText('npm run restore --')).toBeVisible();

  const started = page.waitForResponse(
    (response) => response.url().endsWith('/graphql') && !!response.request().postData()?.includes('StartBackup'),
  );
  await page.getByRole('button', { name: 'Back up now' }).click();
  const body = (await (await started).json()) as { data: { startBackup: { id: string; status: string } } };
  const { id, status } = body.data.startBackup;
  expect(status).toBe('RUNNING');

  // The list polls while the backup runs; no reload here.
  const row = page.getByRole('row').filter({ hasText: id });
  await expect(row.getByTestId('backup-status')).toHaveAttribute('data-state', 'SUCCEEDED', { timeout: 60_000 });
  await expect(row.getByTestId('backup-size')).toHaveText(/^\d+(\.\d)? (B|KiB|MiB|GiB)$/);
  await expect(row.getByRole('cell', { name: 'manual' })).toBeVisible();
  await expect(row).toContainText('this server:');
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeEnabled();
  await screenshot(page, 'settings-backups');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: `Download ${id}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${id}.tar.gz`);
  const archive = await readFile((await download.path())!);
  expect(archive.length).toBeGreaterThan(0);
  expect([...archive.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  // A tar of the backup folder: its manifest and checksums are in it.
  const tar = gunzipSync(archive).toString('latin1');
  expect(tar).toContain('manifest.json');
  expect(tar).toContain('SHA256SUMS');
});

test('backups: one started elsewhere meanwhile makes "Back up now" a CONFLICT, and the page shows it running', async ({
  page,
}) => {
  await signIn(page, admin);
  await page.goto('/settings/backups');
  const backUpNow = page.getByRole('button', { name: 'Back up now' });
  await expect(backUpNow).toBeEnabled();
  // The schedule, another admin or another replica starts one after this page loaded its list.
  const { startBackup } = await api<{ startBackup: { id: string } }>(
    'mutation { startBackup { id } }',
    {},
    await adminToken(),
  );
  await backUpNow.click();
  await expect(page.getByRole('alert')).toContainText('A backup is already running');
  const row = page.getByRole('row').filter({ hasText: startBackup.id });
  await expect(row.getByTestId('backup-status')).toHaveAttribute('data-state', /RUNNING|SUCCEEDED/);
  await expect(row.getByTestId('backup-status')).toHaveAttribute('data-state', 'SUCCEEDED', { timeout: 60_000 });
  await expect(backUpNow).toBeEnabled();
});

test('backups: only admins see the page', async ({ browser }) => {
  const operator = await createUser('OPERATOR');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, operator);
  await page.getByRole('link', { name: 'Settings' }).click();
  const tabs = page.getByRole('navigation', { name: 'Settings' });
  await expect(tabs.getByRole('link', { name: 'API keys' })).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'Backups' })).toHaveCount(0);
  await page.goto('/settings/backups');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up now' })).toHaveCount(0);
  await context.close();
});
