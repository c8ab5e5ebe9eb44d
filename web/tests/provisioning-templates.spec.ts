// Provisioning templates: an admin publishes a new version of a store type's steps with optional
// ones, a store created afterwards gets them (its checklist marks them optional and names the
// version), and it activates with its optional steps still open. WAREHOUSE is the type no other
// spec depends on.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { admin, adminToken, api, createUser, screenshot, signIn, unique } from './support.ts';

const section = (page: Page) => page.getByRole('region', { name: /^Warehouse/ });
/** A row's button: its name is read as "Up : step 2". */
const rowButton = (scope: Locator, action: string, step: number) =>
  scope.getByRole('button', { name: new RegExp(`^${action}\\W+step ${step}$`) });
const markDone = (page: Page, step: string) => page.getByRole('button', { name: new RegExp(`^Mark done\\W+${step}$`) });

async function warehouseStore() {
  const [second, third] = [Math.floor(Math.random() * 250), Math.floor(Math.random() * 250)];
  const { createStore } = await api<{ createStore: { id: string } }>(
    'mutation($input: CreateStoreInput!) { createStore(input: $input) { id } }',
    {
      input: {
        name: unique('Depot'),
        type: 'WAREHOUSE',
        timezone: 'Europe/Berlin',
        address: { line1: 'Lagerweg 2', city: 'Kassel', postalCode: '34123', country: 'DE' },
        network: {
          subnet: `10.${second}.${third}.0/24`,
          vlanId: 100,
          gateway: `10.${second}.${third}.1`,
          dhcpRange: { start: `10.${second}.${third}.64`, end: `10.${second}.${third}.254` },
        },
      },
    },
    await adminToken(),
  );
  return createStore.id;
}

test('an admin publishes a template with an optional step; a new store activates without it', async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/settings/api-keys');
  await page.getByRole('link', { name: 'Provisioning templates' }).click();
  const warehouse = section(page);
  const heading = warehouse.getByRole('heading', { level: 2 });
  await expect(heading).toContainText(/version \d+/);
  const version = Number((await heading.textContent())!.match(/version (\d+)/)![1]);

  await warehouse.getByRole('button', { name: 'Edit the Warehouse template' }).click();
  // Start from a known list whatever earlier runs published: two required steps and two optional ones.
  const remove = warehouse.getByRole('button', { name: /^Remove/ });
  while ((await remove.count()) > 0) await remove.first().click();
  const add = async (title: string, required: boolean) => {
    await warehouse.getByRole('button', { name: 'Add step' }).click();
    const index = await warehouse.getByLabel(/^Title of step/).count();
    await warehouse.getByLabel(`Title of step ${index}`).fill(title);
    if (!required)
      await warehouse
        .getByRole('checkbox', { name: 'Required' })
        .nth(index - 1)
        .uncheck();
  };
  await add('Hub paired', true);
  await add('Forklift check', false);
  await add('Network configured', true);
  await add('Staff trained', false);
  // The key follows the title; the order is changed with the buttons.
  await expect(warehouse.getByLabel('Key of step 2')).toHaveValue('forklift-check');
  await rowButton(warehouse, 'Up', 3).click();
  await rowButton(warehouse, 'Up', 2).click();
  await expect(warehouse.getByLabel('Title of step 1')).toHaveValue('Network configured');

  // A key the API refuses is shown at its field.
  await warehouse.getByLabel('Key of step 4').fill('Staff Trained');
  await warehouse.getByRole('button', { name: `Publish version ${version + 1}` }).click();
  await expect(warehouse.getByLabel('Key of step 4')).toHaveAttribute('aria-invalid', 'true');
  await warehouse.getByLabel('Key of step 4').fill('staff-trained');
  await screenshot(page, 'provisioning-template-editor');
  await warehouse.getByRole('button', { name: `Publish version ${version + 1}` }).click();

  await expect(heading).toContainText(`version ${version + 1}`);
  const steps = warehouse.getByRole('listitem');
  await expect(steps.filter({ hasText: 'Forklift check' })).toContainText('optional');
  await expect(steps.filter({ hasText: 'Hub paired' })).not.toContainText('optional');
  await warehouse.getByText('Version history of the Warehouse template').click();
  await expect(warehouse.getByText(`Version ${version + 1}`, { exact: true })).toBeVisible();
  await expect(warehouse.getByText(`Version ${version}`, { exact: true })).toBeVisible();

  const storeId = await warehouseStore();
  await page.goto(`/stores/${storeId}`);
  const checklist = page.getByRole('heading', { name: /^Provisioning/ });
  await expect(checklist).toContainText(`template v${version + 1}`);
  await page.getByRole('button', { name: 'Start provisioning' }).click();
  await expect(page.getByTestId('store-status')).toHaveText('provisioning');
  const stepItems = page.locator('.steps li');
  await expect(stepItems).toHaveText([/Network configured/, /Hub paired/, /Forklift check/, /Staff trained/]);
  await expect(stepItems.filter({ hasText: 'Forklift check' })).toContainText('optional');
  await expect(stepItems.filter({ hasText: 'Network configured' })).not.toContainText('optional');
  await markDone(page, 'Network configured').click();
  await expect(checklist).toContainText('50% done');
  await markDone(page, 'Hub paired').click();
  await expect(checklist).toContainText('100% done');
  await screenshot(page, 'store-optional-steps');

  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByTestId('store-status')).toHaveText('active');
  await expect(markDone(page, 'Forklift check')).toHaveCount(0);
  const { store } = await api<{ store: { status: string; provisioningSteps: { key: string; done: boolean }[] } }>(
    'query($id: ID!) { store(id: $id) { status provisioningSteps { key done } } }',
    { id: storeId },
    await adminToken(),
  );
  expect(store.status).toBe('ACTIVE');
  expect(store.provisioningSteps.filter((step) => !step.done).map((step) => step.key)).toEqual([
    'forklift-check',
    'staff-trained',
  ]);
});

test('others read the templates without an editor', async ({ page }) => {
  await signIn(page, await createUser('OPERATOR'));
  await page.goto('/settings/provisioning-templates');
  await expect(section(page).getByRole('heading', { level: 2 })).toContainText(/version \d+/);
  await expect(page.getByRole('button', { name: /^Edit the/ })).toHaveCount(0);
});
