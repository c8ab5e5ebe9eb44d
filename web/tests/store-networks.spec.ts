// A store's several networks: added, refused when they overlap another store's (named at the
// field), changed and removed on the store page; and the new-store wizard creating two at once.
import { expect, test } from '@playwright/test';
import { admin, adminToken, api, createStore, screenshot, signIn, unique } from './support.ts';

// 198.18.0.0/15 (benchmarking addresses): clear of the demo stores' and the suggestions' 10.0.0.0/8.
let blocks = Math.floor(Math.random() * 200);
const block = () => `198.18.${(blocks += 1) % 256}`;

async function networksOf(id: string) {
  const data = await api<{ store: { networks: { name: string; purpose: string; vlanId: number; subnet: string }[] } }>(
    'query($id: ID!) { store(id: $id) { networks { name purpose vlanId subnet } } }',
    { id },
    await adminToken(),
  );
  return data.store.networks;
}

test('networks on the store page: add, an overlap named at its field, edit, remove', async ({ page }) => {
  const taken = block();
  const holder = await api<{ createStore: { code: string } }>(
    'mutation($input: CreateStoreInput!) { createStore(input: $input) { code } }',
    {
      input: {
        name: unique('Holder'),
        type: 'STANDARD',
        timezone: 'Europe/Berlin',
        address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
        network: {
          vlanId: 10,
          subnet: `${taken}.0/24`,
          gateway: `${taken}.1`,
          dhcpRange: { start: `${taken}.100`, end: `${taken}.200` },
        },
      },
    },
    await adminToken(),
  );
  const store = await createStore();
  await signIn(page, admin);
  await page.goto(`/stores/${store.id}`);
  const section = page.getByTestId('store-networks');
  await expect(section).toContainText('No networks are planned');

  await section.getByRole('button', { name: 'Add a network' }).click();
  const form = section.getByTestId('network-form');
  await expect(form.getByLabel('Subnet')).toHaveValue(/^\d+\.\d+\.\d+\.0\/24$/);
  await form.getByLabel('Name').fill('Tills');
  await form.getByRole('button', { name: 'Add network' }).click();
  await expect(form).toBeHidden();
  await expect(section.getByRole('row', { name: /Tills/ })).toContainText('POS');

  // A second network over another store's subnet: refused at the subnet, naming that store.
  await section.getByRole('button', { name: 'Add a network' }).click();
  await form.getByLabel('Purpose').selectOption('GUEST_WIFI');
  await form.getByLabel('Name').fill('Guests');
  await form.getByLabel('VLAN').fill('20');
  await form.getByLabel('Subnet').fill(`${taken}.0/24`);
  // Leaving the subnet fills in its usual gateway and DHCP range.
  await form.getByLabel('Subnet').blur();
  await expect(form.getByLabel('Gateway')).toHaveValue(`${taken}.1`);
  await form.getByRole('button', { name: 'Add network' }).click();
  await expect(form.getByLabel('Subnet')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Subnet')).toHaveAccessibleDescription(new RegExp(holder.createStore.code));
  await expect(form.getByLabel('Subnet')).toBeFocused();
  const free = block();
  await form.getByLabel('Subnet').fill(`${free}.0/24`);
  // Leaving the subnet fills in its usual gateway and DHCP range.
  await form.getByLabel('Subnet').blur();
  await expect(form.getByLabel('Gateway')).toHaveValue(`${free}.1`);
  await form.getByRole('button', { name: 'Add network' }).click();
  await expect(section.getByRole('row', { name: /Guests/ })).toContainText('Guest Wi-Fi');
  await screenshot(page, 'store-networks');

  await section.getByRole('button', { name: 'Change network Tills' }).click();
  await form.getByLabel('Name').fill('Tills and terminals');
  await form.getByRole('button', { name: 'Save network' }).click();
  await expect(section.getByRole('row', { name: /Tills and terminals/ })).toBeVisible();

  await section.getByRole('button', { name: 'Remove network Guests' }).click();
  await section.getByRole('button', { name: 'Yes, remove Guests' }).click();
  await expect(section.getByRole('row', { name: /Guests/ })).toHaveCount(0);
  expect(await networksOf(store.id)).toEqual([
    expect.objectContaining({ name: 'Tills and terminals', purpose: 'POS' }),
  ]);
});

test('the wizard creates a store with two networks', async ({ page }) => {
  const name = unique('Two nets');
  await signIn(page, admin);
  await page.goto('/stores/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Address', { exact: true }).fill('Unter den Linden 1');
  await page.getByLabel('City').fill('Berlin');
  await page.getByLabel('Postal code').fill('10117');
  await page.getByLabel('Country').fill('DE');
  await page.getByLabel('Country').blur();
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  await page.getByLabel('Time zone').blur();
  await page.getByRole('button', { name: 'Next: hardware' }).click();
  await page.getByRole('button', { name: 'Next: network' }).click();
  await expect(page.getByLabel('Subnet')).toHaveValue(/^\d+\.\d+\.\d+\.0\/24$/);

  await page.getByRole('button', { name: 'Add another network' }).click();
  const extra = page.getByTestId('extra-network');
  const free = block();
  await extra.getByLabel('Purpose').selectOption('CAMERAS');
  await extra.getByLabel('Name').fill('Cameras');
  await extra.getByLabel('Subnet').fill(`${free}.0/24`);
  // Leaving the subnet fills in its usual gateway and DHCP range.
  await extra.getByLabel('Subnet').blur();
  await expect(extra.getByLabel('Gateway')).toHaveValue(`${free}.1`);
  await page.getByRole('button', { name: 'Next: review' }).click();
  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await expect(page.getByText(`Cameras (Cameras): ${free}.0/24`)).toBeVisible();
  await page.getByRole('button', { name: 'Create store' }).click();

  await expect(page.getByTestId('store-name')).toHaveText(name);
  const section = page.getByTestId('store-networks');
  await expect(section.getByRole('row', { name: /Store network/ })).toBeVisible();
  await expect(section.getByRole('row', { name: /Cameras/ })).toContainText(`${free}.0/24`);
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  expect((await networksOf(id)).map((n) => n.purpose)).toEqual(['OTHER', 'CAMERAS']);
});
