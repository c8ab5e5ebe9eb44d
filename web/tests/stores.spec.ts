// Stores: the new-store wizard, roles, bulk changes, CSV export and the hardware tab.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  admin,
  adminToken,
  api,
  assetState,
  createAsset,
  createStore,
  createUser,
  screenshot,
  secondSession,
  signIn,
  storeStatuses,
  unique,
} from './support.ts';

test('a store created through the wizard appears in another session’s list without a reload', async ({
  page,
  browser,
}) => {
  await signIn(page, admin);
  const watcher = await secondSession(browser);
  await watcher.getByRole('link', { name: 'Stores', exact: true }).click();
  await expect(watcher.getByRole('heading', { name: 'Stores', level: 1 })).toBeVisible();
  await watcher.getByLabel('Sort').selectOption('CREATED_AT_DESC');
  await expect(watcher.getByRole('heading', { level: 2, name: /stores?$/ })).toBeVisible();

  const name = unique('Wizard Store');
  const asset = await createAsset('ROUTER');
  // Navigation is client-side: this marker would not survive a full page load.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('link', { name: 'Stores', exact: true }).click();
  await page.getByRole('link', { name: 'New store' }).click();
  await expect(page.getByRole('heading', { name: 'Basic info' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Type').selectOption('KIOSK');
  await page.getByLabel('Address', { exact: true }).fill('Marktplatz 3');
  await page.getByLabel('City').fill('Leipzig');
  await page.getByLabel('Postal code').fill('04109');
  await page.getByLabel('Country').fill('DE');
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  await screenshot(page, 'store-wizard');
  await page.getByRole('button', { name: 'Next: hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Hardware' })).toBeVisible();
  await page.getByLabel('Search assets in stock').fill(asset.serialNumber);
  await page.getByRole('checkbox', { name: asset.serialNumber }).check();
  await expect(page.getByTestId('picked-count')).toHaveText('1 selected');
  await screenshot(page, 'store-wizard-hardware');
  await page.getByRole('button', { name: 'Next: network' }).click();
  await expect(page.getByLabel('Subnet')).toHaveValue(/^\d+\.\d+\.\d+\.0\/24$/);
  await expect(page.getByLabel('Gateway')).toHaveValue(/\.1$/);
  await page.getByRole('button', { name: 'Next: review' }).click();
  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await expect(page.getByTestId('review-assets')).toContainText(asset.serialNumber);
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByTestId('store-name')).toHaveText(name);
  await expect(page.getByTestId('store-status')).toHaveText('draft');
  // The picked asset went to the new store.
  const storeId = new URL(page.url()).pathname.split('/').at(-1)!;
  expect(await assetState(asset.id)).toEqual({ status: 'ALLOCATED', store: { id: storeId } });
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  const row = watcher.getByTestId('store-list').getByRole('link', { name });
  await expect(row).toBeVisible();
  await screenshot(watcher, 'stores');

  // Live on the detail page too: a transition made here shows up there.
  await row.click();
  await expect(watcher.getByTestId('store-status')).toHaveText('draft');
  await page.getByRole('button', { name: 'Start provisioning' }).click();
  await expect(watcher.getByTestId('store-status')).toHaveText('provisioning');
  await expect(watcher.getByTestId('audit')).toContainText(/status changed/i);
  await screenshot(watcher, 'store-detail');
  await watcher.context().close();
});

test('wizard: hardware taken meanwhile is reported, and the created store is kept', async ({ page }) => {
  const asset = await createAsset('CAMERA');
  const other = await createStore();
  const name = unique('Wizard Partial');
  await signIn(page, admin);
  await page.goto('/stores/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Address', { exact: true }).fill('Hafenstr. 9');
  await page.getByLabel('City').fill('Bremen');
  await page.getByLabel('Postal code').fill('28195');
  await page.getByLabel('Country').fill('DE');
  await page.getByRole('button', { name: 'Next: hardware' }).click();
  await page.getByLabel('Search assets in stock').fill(asset.serialNumber);
  await page.getByRole('checkbox', { name: asset.serialNumber }).check();
  await page.getByRole('button', { name: 'Next: network' }).click();
  await page.getByLabel('Plan the network now').uncheck();
  await page.getByRole('button', { name: 'Next: review' }).click();
  // Someone else takes the asset before the store is created.
  await api(
    'mutation($a: ID!, $s: ID!) { allocateAsset(assetId: $a, storeId: $s) { id } }',
    { a: asset.id, s: other.id },
    await adminToken(),
  );
  await page.getByRole('button', { name: 'Create store' }).click();

  await expect(page.getByTestId('create-result')).toContainText(`${name} (ST-`);
  await expect(page.getByTestId('create-result')).toContainText('not all hardware could be allocated');
  await expect(page.getByRole('alert')).toContainText(asset.serialNumber);
  await expect(page.getByRole('button', { name: 'Create store' })).toHaveCount(0);
  expect(await assetState(asset.id)).toEqual({ status: 'ALLOCATED', store: { id: other.id } });
  await page.getByRole('link', { name: 'Open the store' }).click();
  await expect(page.getByTestId('store-name')).toHaveText(name);
  await expect(page.getByRole('tab', { name: 'Hardware' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No assets are allocated to this store.')).toBeVisible();
});

test('a list that cannot load says why and loads on Retry', async ({ page }) => {
  const store = await createStore();
  await signIn(page, admin);
  // The stores list's query fails once on the way, as when the server is unreachable.
  let failing = true;
  await page.route('**/graphql', (route) =>
    failing && route.request().postData()?.includes('query Stores(')
      ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' })
      : route.fallback(),
  );
  await page.goto(`/stores?q=${encodeURIComponent(store.name)}`);
  const problem = page.getByRole('alert').filter({ hasText: 'The server cannot be reached' });
  await expect(problem).toBeVisible();
  await expect(page.getByTestId('store-list')).toHaveCount(0);

  failing = false;
  await problem.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('store-list').getByRole('link', { name: store.name })).toBeVisible();
  await expect(problem).toHaveCount(0);
});

test('a viewer sees stores but no edit controls', async ({ page }) => {
  const store = await createStore();
  const viewer = await createUser('VIEWER');
  await signIn(page, viewer);
  await page.getByRole('link', { name: 'Stores', exact: true }).click();
  await expect(page.getByTestId('store-list')).toBeVisible();
  await expect(page.getByRole('link', { name: 'New store' })).toHaveCount(0);
  // No selection, so no bulk changes; exporting is reading, which viewers may.
  await expect(page.getByTestId('store-list').getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  await page.goto(`/stores/${store.id}`);
  await expect(page.getByTestId('store-name')).toHaveText(store.name);
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start provisioning' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Hardware' }).click();
  await expect(page.getByRole('heading', { name: /^Assets/ })).toBeVisible();
  await expect(page.getByLabel('Search assets in stock')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Allocate|Release)/ })).toHaveCount(0);
  await page.goto('/stores/new');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
});

test('bulk: selected stores move together, each with its own outcome', async ({ page }) => {
  const prefix = unique('Bulk');
  const [a, b, c] = [
    await createStore(`${prefix} A`),
    await createStore(`${prefix} B`),
    await createStore(`${prefix} C`),
  ];
  await signIn(page, admin);
  await page.goto(`/stores?q=${encodeURIComponent(prefix)}`);
  const list = page.getByTestId('store-list');
  await expect(list.getByRole('row')).toHaveCount(4);
  const status = (name: string) => list.getByRole('row').filter({ hasText: name }).getByTestId('row-status');
  for (const store of [a, b, c]) await expect(status(store.name)).toHaveText('draft');

  await list.getByRole('checkbox', { name: `Select ${a.name}` }).check();
  await list.getByRole('checkbox', { name: `Select ${b.name}` }).check();
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toContainText('2 selected');
  await bar.getByLabel('Move selected to').selectOption('PROVISIONING');
  await bar.getByLabel('Reason (optional)').fill('Opening week');
  await screenshot(page, 'stores-bulk');
  await bar.getByRole('button', { name: 'Apply' }).click();

  const outcome = page.getByTestId('bulk-outcome');
  await expect(outcome.getByRole('heading')).toHaveText('2 moved to provisioning');
  await expect(outcome.getByRole('listitem').filter({ hasText: a.name })).toContainText('now provisioning');
  await expect(outcome.getByRole('listitem').filter({ hasText: b.name })).toContainText('now provisioning');
  await expect(bar).toBeHidden();
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(status(a.name)).toHaveText('provisioning');
  await expect(status(b.name)).toHaveText('provisioning');
  await expect(status(c.name)).toHaveText('draft');
  expect(await storeStatuses([a.id, b.id, c.id])).toEqual({
    [a.id]: 'PROVISIONING',
    [b.id]: 'PROVISIONING',
    [c.id]: 'DRAFT',
  });

  // One refused store does not block the other; the refusal says why. Select all, then leave A out.
  await page.getByLabel('Select all on this page').check();
  await expect(bar).toContainText('3 selected');
  await list.getByRole('checkbox', { name: `Select ${a.name}` }).uncheck();
  await expect(page.getByLabel('Select all on this page')).not.toBeChecked();
  await bar.getByLabel('Move selected to').selectOption('PROVISIONING');
  await bar.getByRole('button', { name: 'Apply' }).click();
  await expect(outcome.getByRole('heading')).toHaveText('1 moved to provisioning, 1 not moved');
  await expect(outcome.getByRole('listitem').filter({ hasText: b.name })).toContainText('not moved');
  await expect(outcome.getByRole('listitem').filter({ hasText: c.name })).toContainText('now provisioning');
  await expect(status(c.name)).toHaveText('provisioning');
  expect(await storeStatuses([a.id, b.id, c.id])).toEqual({
    [a.id]: 'PROVISIONING',
    [b.id]: 'PROVISIONING',
    [c.id]: 'PROVISIONING',
  });
});

test('CSV export downloads exactly the stores the search shows, in the order shown', async ({ page }) => {
  const prefix = unique('Export');
  const beta = await createStore(`${prefix} Beta`);
  const alpha = await createStore(`${prefix} Alpha`);
  await createStore(unique('Elsewhere'));
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Stores', exact: true }).click();
  await page.getByLabel('Search', { exact: true }).fill(prefix);
  await expect(page.getByRole('heading', { level: 2, name: '2 stores', exact: true })).toBeVisible();

  const exportRows = async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^stores-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    expect(header!.split(',').slice(0, 5)).toEqual(['id', 'code', 'name', 'type', 'status']);
    return rows.map((row) => row.split(',').slice(0, 5));
  };
  expect(await exportRows()).toEqual([
    [alpha.id, expect.stringMatching(/^ST-\d+$/), alpha.name, 'STANDARD', 'DRAFT'],
    [beta.id, expect.stringMatching(/^ST-\d+$/), beta.name, 'STANDARD', 'DRAFT'],
  ]);

  await page.getByLabel('Sort').selectOption('NAME_DESC');
  await expect(page.getByTestId('store-list').getByRole('link').first()).toHaveText(beta.name);
  expect((await exportRows()).map((row) => row[2])).toEqual([beta.name, alpha.name]);
});

test('hardware tab: an asset in stock is allocated to the store and released again', async ({ page }) => {
  const store = await createStore();
  const asset = await createAsset();
  await signIn(page, admin);
  await page.goto(`/stores/${store.id}`);
  await page.getByRole('tab', { name: 'Hardware' }).click();
  await expect(page).toHaveURL(/\?tab=hardware$/);
  await expect(page.getByRole('tab', { name: 'Hardware' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No assets are allocated to this store.')).toBeVisible();
  await expect(page.getByText('No hub is registered for this store.')).toBeVisible();

  await page.getByLabel('Search assets in stock').fill(asset.serialNumber);
  await page.getByRole('checkbox', { name: asset.serialNumber }).check();
  await page.getByRole('button', { name: 'Allocate', exact: true }).click();
  const row = page.getByTestId('store-assets').getByRole('row').filter({ hasText: asset.serialNumber });
  await expect(row).toContainText('allocated');
  await expect(page.getByRole('checkbox', { name: asset.serialNumber })).toHaveCount(0);
  expect(await assetState(asset.id)).toEqual({ status: 'ALLOCATED', store: { id: store.id } });
  await screenshot(page, 'store-hardware');

  // The tab survives a reload; the arrow keys move between tabs.
  await page.reload();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Release ${asset.serialNumber}` }).click();
  await expect(page.getByText('No assets are allocated to this store.')).toBeVisible();
  expect(await assetState(asset.id)).toEqual({ status: 'IN_STOCK', store: null });
  await page.getByRole('tab', { name: 'Hardware' }).press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
});
