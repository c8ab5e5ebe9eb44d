// The store lifecycle in the UI alone: a store from the wizard to active with hardware received on
// the way, a checklist that follows every transition live, a store planned after creation, the
// hardware inventory, and decommissioning that gives the hardware back.
import { expect, test, type Page } from '@playwright/test';
import { admin, adminToken, api, assetState, createAsset, screenshot, signIn, unique } from './support.ts';

const serial = () => `SN-${unique('X').slice(2).toUpperCase()}`;

/** Fills and submits the "Add an asset" form shown on the page. */
async function addAsset(page: Page, serialNumber: string, submit: string) {
  const form = page.getByTestId('asset-form');
  await form.getByLabel('Kind').selectOption('POS_TERMINAL');
  await form.getByLabel('Serial number').fill(serialNumber);
  await form.getByLabel('Model').fill('TX-200');
  await form.getByLabel('Vendor').fill('Acme');
  await form.getByRole('button', { name: submit }).click();
  await expect(form).toBeHidden();
}

const checklist = (page: Page) => page.getByRole('heading', { name: /^Provisioning/ });
/** The step's own "Mark done" (its name is read as "Mark done : <step>"). */
const markDone = (page: Page, step: string) => page.getByRole('button', { name: new RegExp(`^Mark done\\W+${step}$`) });

/** A store as fixtures make it: a plan only when asked, in the status given (through the API's own moves). */
async function apiStore(type: string, network: boolean, status: 'DRAFT' | 'PROVISIONING' | 'ACTIVE' = 'DRAFT') {
  const token = await adminToken();
  const third = Math.floor(Math.random() * 250);
  const second = Math.floor(Math.random() * 250);
  const input = {
    name: unique('Lifecycle'),
    type,
    timezone: 'Europe/Berlin',
    address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    ...(network
      ? {
          network: {
            subnet: `10.${second}.${third}.0/24`,
            vlanId: 100,
            gateway: `10.${second}.${third}.1`,
            dhcpRange: { start: `10.${second}.${third}.64`, end: `10.${second}.${third}.254` },
          },
        }
      : {}),
  };
  const { createStore } = await api<{ createStore: { id: string; name: string; version: number } }>(
    'mutation($input: CreateStoreInput!) { createStore(input: $input) { id name version } }',
    { input },
    token,
  );
  let version = createStore.version;
  const move = async (to: string) =>
    (version = (
      await api<{ transitionStore: { version: number } }>(
        'mutation($id: ID!, $to: StoreStatus!, $v: Int!) { transitionStore(id: $id, to: $to, expectedVersion: $v) { version } }',
        { id: createStore.id, to, v: version },
        token,
      )
    ).transitionStore.version);
  if (status !== 'DRAFT') await move('PROVISIONING');
  if (status === 'ACTIVE') {
    for (const key of ['network-configured', 'hub-paired'])
      version = (
        await api<{ completeProvisioningStep: { version: number } }>(
          'mutation($id: ID!, $k: String!, $v: Int!) { completeProvisioningStep(storeId: $id, key: $k, expectedVersion: $v) { version } }',
          { id: createStore.id, k: key, v: version },
          token,
        )
      ).completeProvisioningStep.version;
    await move('ACTIVE');
  }
  return createStore;
}

test('a new store goes from the wizard to active in the UI alone, its checklist following every move', async ({
  page,
}) => {
  const name = unique('Kiosk');
  const inWizard = serial();
  const onTab = serial();
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Stores', exact: true }).click();
  await page.getByRole('link', { name: 'New store' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Type').selectOption('KIOSK');
  await page.getByLabel('Address', { exact: true }).fill('Marktplatz 3');
  await page.getByLabel('City').fill('Leipzig');
  await page.getByLabel('Postal code').fill('04109');
  await page.getByLabel(/^Country/).fill('DE');
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  await page.getByRole('button', { name: 'Next: hardware' }).click();

  // Nothing in stock needed: the asset is received right in the wizard and picked for the store.
  await page.getByRole('button', { name: 'Add an asset' }).click();
  await addAsset(page, inWizard, 'Add asset');
  await expect(page.getByTestId('picked-count')).toHaveText('1 selected');
  await expect(page.getByRole('checkbox', { name: inWizard })).toBeChecked();
  await screenshot(page, 'store-wizard-add-asset');
  await page.getByRole('button', { name: 'Next: network' }).click();
  await expect(page.getByLabel('Subnet')).toHaveValue(/^\d+\.\d+\.\d+\.0\/24$/);
  await page.getByRole('button', { name: 'Next: review' }).click();
  await expect(page.getByTestId('review-assets')).toContainText(inWizard);
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByTestId('store-name')).toHaveText(name);
  const storeId = new URL(page.url()).pathname.split('/').at(-1)!;

  // A second asset, received and allocated on the store's own Hardware tab.
  await page.getByRole('tab', { name: 'Hardware' }).click();
  await page.getByRole('button', { name: 'Add an asset' }).click();
  await addAsset(page, onTab, 'Add and allocate');
  const assets = page.getByTestId('store-assets');
  await expect(assets).toContainText(inWizard);
  await expect(assets).toContainText(onTab);
  await page.getByRole('tab', { name: 'Overview' }).click();

  // Every move shows at once, without a reload: the steps, the percentage, the buttons.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('button', { name: 'Start provisioning' }).click();
  await expect(page.getByTestId('store-status')).toHaveText('provisioning');
  await expect(checklist(page)).toContainText('0% done');
  await page.getByRole('button', { name: 'Activate' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'before activating' });
  await expect(refusal).toContainText('Network configured, Hardware allocated, POS tested');
  await expect(refusal).not.toContainText('network-configured');

  await markDone(page, 'Network configured').click();
  await expect(checklist(page)).toContainText('33% done');
  await expect(markDone(page, 'Network configured')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to draft' }).click();
  await expect(page.getByTestId('store-status')).toHaveText('draft');
  await expect(markDone(page, 'Hardware allocated')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start provisioning' }).click();
  await expect(page.getByTestId('store-status')).toHaveText('provisioning');
  await markDone(page, 'Hardware allocated').click();
  await expect(checklist(page)).toContainText('66% done');
  await expect(markDone(page, 'Hardware allocated')).toHaveCount(0);
  await markDone(page, 'POS tested').click();
  await expect(checklist(page)).toContainText('100% done');
  await expect(page.getByRole('button', { name: /^Mark done/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByTestId('store-status')).toHaveText('active');
  // Live events arriving after each answer never put an older checklist back.
  await page.waitForTimeout(1_500);
  await expect(checklist(page)).toContainText('100% done');
  await expect(page.getByTestId('store-status')).toHaveText('active');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await screenshot(page, 'store-activated');

  const token = await adminToken();
  const { store } = await api<{ store: { status: string; assets: { serialNumber: string }[] } }>(
    'query($id: ID!) { store(id: $id) { status assets { serialNumber } } }',
    { id: storeId },
    token,
  );
  expect(store.status).toBe('ACTIVE');
  expect(store.assets.map((a) => a.serialNumber).sort()).toEqual([inWizard, onTab].sort());
});

test('the checklist follows a change made in another tab, and this tab goes on from there', async ({ page }) => {
  const store = await apiStore('HOME', true, 'PROVISIONING');
  await signIn(page, admin);
  await page.goto(`/stores/${store.id}`);
  await expect(checklist(page)).toContainText('0% done');

  // A second tab of the same browser: same session, its own page and live connection.
  const other = await page.context().newPage();
  await other.goto(`/stores/${store.id}`);
  await other.getByRole('button', { name: 'Edit' }).click();
  await other.getByLabel('Name', { exact: true }).fill(`${store.name} renamed`);
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByTestId('store-version')).toHaveText('version 3');
  await markDone(other, 'Network configured').click();
  await expect(checklist(other)).toContainText('50% done');

  // This tab saw both changes live, so its next step is taken at the newest version.
  await expect(page.getByTestId('store-name')).toHaveText(`${store.name} renamed`);
  await expect(checklist(page)).toContainText('50% done');
  await expect(markDone(page, 'Network configured')).toHaveCount(0);
  await markDone(page, 'Hub paired').click();
  await expect(checklist(page)).toContainText('100% done');
  await expect(checklist(other)).toContainText('100% done');
  await expect(other.getByTestId('store-version')).toHaveText('version 5');
  await other.close();
});

test('a store created without a network plan gets one, and a new type, on its page', async ({ page }) => {
  const store = await apiStore('HOME', false, 'PROVISIONING');
  await signIn(page, admin);
  await page.goto(`/stores/${store.id}`);
  await markDone(page, 'Network configured').click();
  const refusal = page.getByRole('alert').filter({ hasText: 'network' });
  await expect(refusal).toContainText("Plan the store's network");
  await expect(refusal).not.toContainText('updateStore');

  await page.getByRole('button', { name: 'Plan the network' }).click();
  const form = page.getByTestId('plan-form');
  await expect(form.getByLabel('Subnet')).toHaveValue(/^\d+\.\d+\.\d+\.0\/24$/);
  await form.getByLabel('Type').selectOption('KIOSK');
  await screenshot(page, 'store-plan');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('dd', { hasText: /VLAN 100 · gateway/ })).toBeVisible();
  // A kiosk's steps: hub pairing gone, hardware and POS testing added.
  await expect(markDone(page, 'Hub paired')).toHaveCount(0);
  await expect(markDone(page, 'POS tested')).toBeVisible();
  await markDone(page, 'Network configured').click();
  await expect(checklist(page)).toContainText('33% done');
});

test('decommissioning gives the store’s hardware back to stock', async ({ page }) => {
  const store = await apiStore('HOME', true, 'ACTIVE');
  const assets = [await createAsset('ROUTER'), await createAsset('CAMERA')];
  const token = await adminToken();
  for (const asset of assets)
    await api(
      'mutation($a: ID!, $s: ID!) { allocateAsset(assetId: $a, storeId: $s) { id } }',
      { a: asset.id, s: store.id },
      token,
    );
  await signIn(page, admin);
  await page.goto(`/stores/${store.id}`);
  await page.getByRole('button', { name: 'Decommission' }).click();
  const dialog = page.getByTestId('decommission-dialog');
  await expect(dialog.getByLabel('Release its 2 allocated assets back to stock')).toBeChecked();
  await dialog.getByRole('button', { name: 'Decommission' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('store-status')).toHaveText('decommissioned');
  for (const asset of assets) expect(await assetState(asset.id)).toEqual({ status: 'IN_STOCK', store: null });
  await page.getByRole('tab', { name: 'Hardware' }).click();
  await expect(page.getByText('No assets are allocated to this store.')).toBeVisible();

  // Every status has a dashboard card, so the cards add up to the total.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByTestId('metric-decommissioned')).not.toContainText('…');
});

test('the hardware inventory: receive, filter, allocate, release, mark faulty and retire, with history', async ({
  page,
}) => {
  const store = await apiStore('HOME', false);
  const serialNumber = serial();
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Hardware', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Hardware', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Add an asset' }).click();
  await addAsset(page, serialNumber, 'Add asset');
  await page.getByLabel('Search').fill(serialNumber);
  await page.getByLabel('Status').selectOption('IN_STOCK');
  await page.getByLabel('Kind').selectOption('POS_TERMINAL');
  const list = page.getByTestId('assets');
  await expect(list.getByRole('row')).toHaveCount(2);
  await screenshot(page, 'hardware-assets');
  await list.getByRole('link', { name: serialNumber }).click();

  await expect(page.getByTestId('asset-status')).toHaveText(/in stock/);
  await page.getByLabel('Allocate to a store').selectOption(store.id);
  await page.getByRole('button', { name: 'Allocate', exact: true }).click();
  await expect(page.getByTestId('asset-status')).toHaveText(/allocated/);
  await expect(page.getByTestId('asset-store')).toHaveText(store.name);
  await expect(page.getByTestId('asset-history')).toContainText('still there');
  await page.getByRole('button', { name: 'Release to stock' }).click();
  await expect(page.getByTestId('asset-status')).toHaveText(/in stock/);
  await expect(page.getByTestId('asset-history')).not.toContainText('still there');

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('asset-form').getByLabel('Model').fill('TX-300');
  await page.getByTestId('asset-form').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('TX-300')).toBeVisible();

  await page.getByRole('button', { name: 'Mark faulty' }).click();
  const faulty = page.getByTestId('faulty-dialog');
  await faulty.getByLabel('What is wrong').fill('screen cracked');
  await faulty.getByRole('button', { name: 'Mark faulty' }).click();
  await expect(page.getByTestId('asset-status')).toHaveText(/faulty/);
  await expect(page.getByText('screen cracked')).toBeVisible();
  await page.getByRole('button', { name: 'Retire' }).click();
  await page.getByTestId('retire-dialog').getByRole('button', { name: 'Retire' }).click();
  await expect(page.getByTestId('asset-status')).toHaveText(/retired/);
  await expect(page.getByRole('button', { name: 'Retire' })).toHaveCount(0);
  await screenshot(page, 'hardware-asset');
});
