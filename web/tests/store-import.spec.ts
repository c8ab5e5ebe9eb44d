// CSV import: a dry run names the bad rows and cells and keeps Import disabled; once fixed, every
// store is created at once. The template downloads from the same page.
import { expect, test } from '@playwright/test';
import { admin, adminToken, api, screenshot, signIn, unique } from './support.ts';

const HEADER = 'name,type,addressLine1,city,postalCode,country,timezone';

test('stores: check a CSV, see the bad row and cell, fix it and import all', async ({ page }) => {
  const batch = unique('Imported');
  const rows = (country: string) =>
    [
      HEADER,
      `${batch} A,STANDARD,Main St 1,Berlin,10115,DE,Europe/Berlin`,
      `${batch} B,KIOSK,Main St 2,Hamburg,20095,${country},Europe/Berlin`,
      `${batch} C,HOME,Main St 3,Munich,80331,DE,Europe/Berlin`,
    ].join('\n');

  await signIn(page, admin);
  await page.goto('/stores');
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Import stores', level: 1 })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download template' }).click();
  expect((await download).suggestedFilename()).toBe('stores-template.csv');

  await page.getByLabel('Or paste its text').fill(rows('Narnia'));
  await page.getByRole('button', { name: 'Check' }).click();
  const check = page.getByTestId('import-check');
  await expect(check.getByRole('heading')).toHaveText('1 problem in 1 row: nothing can be imported yet');
  await expect(check.getByRole('row', { name: /3 country/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await screenshot(page, 'store-import-errors');

  await page.getByLabel('Or paste its text').fill(rows('DE'));
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(check.getByRole('heading')).toHaveText('All 3 stores are valid');
  await page.getByRole('button', { name: 'Import 3 stores' }).click();
  const applied = page.getByTestId('import-applied');
  await expect(applied.getByRole('heading')).toHaveText('Imported 3 stores');
  await expect(applied.getByRole('link')).toHaveCount(3);

  const data = await api<{ stores: { totalCount: number } }>(
    'query($q: String) { stores(filter: { search: $q }) { totalCount } }',
    { q: batch },
    await adminToken(),
  );
  expect(data.stores.totalCount).toBe(3);
  await applied.getByRole('link', { name: new RegExp(`${batch} B`) }).click();
  await expect(page.getByTestId('store-name')).toHaveText(`${batch} B`);
  // Its history names the import's change id, shared by the three stores' CREATED entries.
  await expect(page.getByTestId('change-id').first()).toHaveText(/^Part of bulk change [0-9a-f]{8}$/);
});

test('assets: upload a CSV on the inventory, see a duplicate serial named, fix it and import', async ({ page }) => {
  const batch = unique('IMP').replace(' ', '-').toUpperCase();
  const csv = (second: string) =>
    [
      'kind,serialNumber,model,vendor,notes',
      `ROUTER,${batch}-1,MX68,Meraki,`,
      `camera,${second},G4,Ubiquiti,Door`,
    ].join('\n');
  await signIn(page, admin);
  await page.goto('/hardware/assets');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Import assets' })).toBeVisible();

  // Uploading a file checks it at once.
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'assets.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv(`${batch}-1`)),
  });
  const check = page.getByTestId('import-check');
  await expect(
    check.getByRole('row', { name: /3 serialNumber The serial number is already used in row 2/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();

  await page.getByLabel('Or paste its text').fill(csv(`${batch}-2`));
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(check.getByRole('heading')).toHaveText('All 2 assets are valid');
  await page.getByRole('button', { name: 'Import 2 assets' }).click();
  await expect(page.getByTestId('import-applied').getByRole('heading')).toHaveText('Imported 2 assets');
  await page
    .getByRole('link', { name: new RegExp(`${batch}-2`) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${batch}-2`);
});
