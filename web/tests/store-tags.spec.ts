// Store tags: edited on the store page (normalised, bad ones refused as typed), shown and filtered
// by on the list, added in bulk to selected stores, and the bulk change's page, reached from the
// outcome and from a store's history.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { admin, adminToken, api, createStore, screenshot, secondSession, signIn, unique } from './support.ts';

async function tagsOf(id: string): Promise<string[]> {
  const data = await api<{ store: { tags: string[] } }>(
    'query($id: ID!) { store(id: $id) { tags } }',
    { id },
    await adminToken(),
  );
  return data.store.tags;
}

test('tag a store, filter by tag, tag in bulk and open the change', async ({ page }) => {
  const prefix = unique('Tagged');
  const suffix = randomUUID().slice(0, 6);
  const [pilot, wave] = [`pilot-${suffix}`, `wave-${suffix}`];
  const a = await createStore(`${prefix} A`);
  const b = await createStore(`${prefix} B`);
  await signIn(page, admin);

  // The store page: a tag typed in capitals is saved lower-case; a tag with a space is refused as typed.
  await page.goto(`/stores/${a.id}`);
  const section = page.getByTestId('store-tags');
  await expect(section).toContainText('No tags.');
  await section.getByRole('button', { name: 'Change tags' }).click();
  const input = section.getByLabel('New tag');
  await input.fill('two words');
  await input.press('Enter');
  await expect(section.getByRole('alert')).toContainText('may contain only');
  await input.fill(`  ${pilot.toUpperCase()} `);
  await input.press('Enter');
  await input.fill('region:north');
  await section.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(section.getByRole('list', { name: 'Tags to save' }).getByRole('listitem')).toHaveCount(2);
  await section.getByRole('button', { name: 'Remove tag region:north' }).click();
  await screenshot(page, 'store-tags-editor');
  await section.getByRole('button', { name: 'Save tags' }).click();
  await expect(section.getByRole('list', { name: 'Tags' }).getByRole('link')).toHaveText([pilot]);
  expect(await tagsOf(a.id)).toEqual([pilot]);
  await expect(page.getByTestId('audit').getByRole('listitem').first()).toContainText(`Tags: — → ${pilot}`);

  // The list shows the tags and filters by one (kept in the URL).
  await page.goto(`/stores?q=${encodeURIComponent(prefix)}`);
  const list = page.getByTestId('store-list');
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list.getByRole('row').filter({ hasText: a.name })).toContainText(pilot);
  await page.getByLabel('Tag', { exact: true }).selectOption(pilot);
  await expect(page).toHaveURL(new RegExp(`tag=${pilot}`));
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').filter({ hasText: a.name })).toBeVisible();
  await page.getByLabel('Tag', { exact: true }).selectOption('');
  await expect(list.getByRole('row')).toHaveCount(3);

  // Bulk: one tag added to both selected stores, one change.
  await list.getByRole('checkbox', { name: `Select ${a.name}` }).check();
  await list.getByRole('checkbox', { name: `Select ${b.name}` }).check();
  const bulk = page.getByTestId('bulk-tag');
  await bulk.getByLabel('Tag for the selected stores').fill(wave);
  await screenshot(page, 'store-tags-bulk');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  const outcome = page.getByTestId('bulk-tag-outcome');
  await expect(outcome.getByRole('heading')).toHaveText(`Tag “${wave}” added to 2 stores`);
  await expect(list.getByRole('row').filter({ hasText: b.name })).toContainText(wave);
  expect(await tagsOf(a.id)).toEqual([pilot, wave]);
  expect(await tagsOf(b.id)).toEqual([wave]);

  await outcome.getByRole('link', { name: 'View this change' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bulk change [0-9a-f]{8}$/);
  const changeUrl = page.url();
  await expect(page.getByTestId('change-summary')).toHaveText('2 changes to 2 stores');
  const entries = page.getByTestId('change-entries');
  for (const store of [a, b]) await expect(entries.getByRole('row').filter({ hasText: store.name })).toBeVisible();
  await expect(entries.getByRole('row').filter({ hasText: b.name })).toContainText(`Tags: — → ${wave}`);
  await screenshot(page, 'store-change');

  // The store's history links to the same change.
  await entries.getByRole('link', { name: a.name }).click();
  await expect(page.getByTestId('store-name')).toHaveText(a.name);
  await page.getByTestId('change-id').first().getByRole('link').click();
  await expect(page).toHaveURL(changeUrl);
  await expect(page.getByTestId('change-summary')).toHaveText('2 changes to 2 stores');
});

test('a tag save over someone else’s keeps both: their tags plus mine', async ({ page, browser }) => {
  const store = await createStore(unique('Tag clash'));
  const suffix = randomUUID().slice(0, 6);
  await signIn(page, admin);
  await page.goto(`/stores/${store.id}`);
  const section = page.getByTestId('store-tags');
  await section.getByRole('button', { name: 'Change tags' }).click();
  await section.getByLabel('New tag').fill(`mine-${suffix}`);
  await section.getByLabel('New tag').press('Enter');

  // Meanwhile, someone else tags the store (a newer version).
  const other = await secondSession(browser);
  await other.goto(`/stores/${store.id}`);
  const theirs = other.getByTestId('store-tags');
  await theirs.getByRole('button', { name: 'Change tags' }).click();
  await theirs.getByLabel('New tag').fill(`theirs-${suffix}`);
  await theirs.getByRole('button', { name: 'Save tags' }).click();
  await expect(theirs.getByRole('list', { name: 'Tags' })).toContainText(`theirs-${suffix}`);
  await other.close();

  await section.getByRole('button', { name: 'Save tags' }).click();
  const dialog = page.getByTestId('tags-conflict');
  await expect(dialog).toContainText(`Their tags: theirs-${suffix}.`);
  await expect(dialog.locator('strong')).toHaveText(`mine-${suffix}, theirs-${suffix}`);
  await dialog.getByRole('button', { name: 'Save both changes' }).click();
  await expect(section.getByRole('list', { name: 'Tags' }).getByRole('link')).toHaveText([
    `mine-${suffix}`,
    `theirs-${suffix}`,
  ]);
  expect(await tagsOf(store.id)).toEqual([`mine-${suffix}`, `theirs-${suffix}`]);
});
