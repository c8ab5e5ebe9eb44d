// Store forms: two tabs editing one store (the merge of their changes), and the wizard checking
// each field as it is filled in, before anything is created. The two tabs share one session, as a
// person's two tabs do; what the merge needs is two forms opened on the same version.
import { expect, test, type Page } from '@playwright/test';
import { admin, adminToken, api, createStore, screenshot, signIn, unique } from './support.ts';

async function savedStore(id: string, token: string) {
  const data = await api<{
    store: { name: string; timezone: string; version: number; address: { city: string; country: string } };
  }>('query($id: ID!) { store(id: $id) { name timezone version address { city country } } }', { id }, token);
  return data.store;
}

async function openEditor(page: Page, storeId: string) {
  await page.goto(`/stores/${storeId}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit store' })).toBeVisible();
}

test('two tabs: their rename and my city change are both kept', async ({ page }) => {
  const store = await createStore();
  const token = await adminToken();
  await signIn(page, admin);
  const other = await page.context().newPage();
  await openEditor(page, store.id);
  await openEditor(other, store.id);

  // Tab 1 renames the store and saves first.
  const renamed = `${store.name} renamed`;
  await other.getByLabel('Name', { exact: true }).fill(renamed);
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByTestId('store-name')).toHaveText(renamed);
  await other.close();

  // Tab 2 changed only the city.
  await page.getByLabel('City').fill('Hamburg');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('their-changes')).toHaveText(`Name: “${store.name}” → “${renamed}”`);
  await expect(dialog.getByTestId('my-changes')).toHaveText('City: “Berlin” → “Hamburg”');
  await expect(dialog.getByRole('button', { name: 'Overwrite with mine' })).toHaveCount(0);
  await screenshot(page, 'store-conflict');
  await dialog.getByRole('button', { name: 'Save both changes' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('store-name')).toHaveText(renamed);
  await expect(page.getByTestId('store-version')).toHaveText('version 3');
  expect(await savedStore(store.id, token)).toMatchObject({
    name: renamed,
    address: { city: 'Hamburg', country: 'DE' },
  });
});

test('a true clash asks which to keep, and the choice is saved with their other changes', async ({ page }) => {
  const store = await createStore();
  const token = await adminToken();
  await signIn(page, admin);
  const other = await page.context().newPage();
  await openEditor(page, store.id);
  await openEditor(other, store.id);

  await other.getByLabel('Name', { exact: true }).fill('Their name');
  await other.getByLabel('Time zone').fill('Europe/Vienna');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByTestId('store-name')).toHaveText('Their name');
  await other.close();

  await page.getByLabel('Name', { exact: true }).fill('My name');
  await page.getByLabel('City').fill('Hamburg');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog.getByTestId('clash')).toHaveCount(1);
  await expect(dialog.getByTestId('clash')).toContainText('Name');
  await expect(dialog.getByTestId('their-changes')).toContainText('Time zone: “Europe/Berlin” → “Europe/Vienna”');
  const save = dialog.getByRole('button', { name: 'Save my choices' });
  await expect(save).toBeDisabled();
  await dialog.getByRole('radio', { name: 'Theirs: “Their name”' }).check();
  await screenshot(page, 'store-conflict-clash');
  await save.click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('store-version')).toHaveText('version 3');
  expect(await savedStore(store.id, token)).toMatchObject({
    name: 'Their name',
    timezone: 'Europe/Vienna',
    address: { city: 'Hamburg' },
  });
});

test('overwrite with mine settles the clash for mine and keeps their other changes', async ({ page }) => {
  const store = await createStore();
  const token = await adminToken();
  await signIn(page, admin);
  const other = await page.context().newPage();
  await openEditor(page, store.id);
  await openEditor(other, store.id);

  await other.getByLabel('Name', { exact: true }).fill('Their name');
  await other.getByLabel('Time zone').fill('Europe/Vienna');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByTestId('store-name')).toHaveText('Their name');
  await other.close();

  await page.getByLabel('Name', { exact: true }).fill('My name');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByTestId('conflict-dialog').getByRole('button', { name: 'Overwrite with mine' }).click();

  await expect(page.getByTestId('store-name')).toHaveText('My name');
  expect(await savedStore(store.id, token)).toMatchObject({ name: 'My name', timezone: 'Europe/Vienna' });
});

test('the wizard refuses a bad time zone, country and IP at the field, before Create', async ({ page }) => {
  const name = unique('Checked Store');
  const token = await adminToken();
  await signIn(page, admin);
  await page.goto('/stores/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Address', { exact: true }).fill('Unter den Linden 1');
  await page.getByLabel('City').fill('Berlin');
  await page.getByLabel('Postal code').fill('10117');

  const country = page.getByLabel('Country');
  const timezone = page.getByLabel('Time zone');
  await country.fill('Mars');
  await timezone.fill('Mars/Olympus');
  await page.getByLabel('Region').focus();
  await expect(country).toHaveAccessibleDescription('Choose a country from the list: type its name or code');
  await expect(timezone).toHaveAccessibleDescription(/^Choose a time zone from the list/);
  await page.getByRole('button', { name: 'Next: hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Basic info' })).toBeVisible();
  await expect(country).toBeFocused();
  await screenshot(page, 'store-wizard-checks');

  // Typed in full, a country's name is that country (not "Ge", Georgia); the list offers it while typing.
  await country.fill('Germany');
  await expect(country).toHaveAttribute('aria-invalid', 'false');
  await timezone.fill('berl');
  await page.getByRole('option', { name: 'Europe/Berlin' }).click();
  await expect(timezone).toHaveValue('Europe/Berlin');
  await expect(timezone).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: 'Next: hardware' }).click();
  await page.getByRole('button', { name: 'Next: network' }).click();

  const subnet = page.getByLabel('Subnet');
  await expect(subnet).toHaveValue(/^\d+\.\d+\.\d+\.0\/24$/);
  const planned = (await subnet.inputValue()).replace(/\.0\/24$/, '');
  const gateway = page.getByLabel('Gateway');
  await gateway.fill('10.0.300.1');
  await page.getByLabel('DHCP start').focus();
  await expect(gateway).toHaveAccessibleDescription('Must be an IPv4 address');
  await gateway.fill('192.0.2.1');
  await expect(gateway).toHaveAccessibleDescription(/^Must be inside /);
  await page.getByRole('button', { name: 'Next: review' }).click();
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible();
  await expect(gateway).toBeFocused();
  await gateway.fill(`${planned}.1`);
  await expect(gateway).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: 'Next: review' }).click();

  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await expect(page.locator('dl')).toContainText('Germany (DE)');
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByTestId('store-name')).toHaveText(name);
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  expect(await savedStore(id, token)).toMatchObject({ timezone: 'Europe/Berlin', address: { country: 'DE' } });
});

test('the country picker works from the keyboard and takes a code', async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/stores/new');
  const country = page.getByLabel('Country');
  await country.fill('Germ');
  await expect(page.getByRole('option', { name: 'Germany' })).toBeVisible();
  await country.press('ArrowDown');
  await country.press('Enter');
  await expect(country).toHaveValue('Germany');
  await country.fill('at');
  await country.blur();
  await expect(country).toHaveValue('Austria');
});

test('a refused current password is said at its field, in plain words', async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/settings/profile');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Password', exact: true }) });
  await form.getByLabel('Current password').fill('not-the-password');
  await form.getByLabel('New password', { exact: true }).fill('a-new-password-1234');
  await form.getByLabel('Repeat new password').fill('a-new-password-1234');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByLabel('Current password')).toHaveAccessibleDescription('This is not your current password');
  await expect(form).not.toContainText('currentPassword');
});
