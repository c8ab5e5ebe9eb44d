import { expect, test } from '@playwright/test';
import { admin, adminToken, api, createStore, signIn, unique } from './support.ts';

// The simulated Hubitat hub that tests/run.ts starts and the hardware subgraph registers at start.
const hub = {
  url: process.env.SIMULATOR_URL!,
  appId: process.env.SIMULATOR_APP_ID!,
  token: process.env.SIMULATOR_TOKEN!,
};

/** What the hub itself says (the Maker API, not Switchyard). */
async function hubAttribute(hubDeviceId: string, name: string): Promise<string | undefined> {
  const response = await fetch(`${hub.url}/apps/api/${hub.appId}/devices/${hubDeviceId}?access_token=${hub.token}`);
  const device = (await response.json()) as { attributes: { name: string; currentValue: string }[] };
  return device.attributes.find((a) => a.name === name)?.currentValue;
}

async function deviceByLabel(label: string) {
  const data = await api<{ devices: { edges: { node: { id: string; hubDeviceId: string; label: string } }[] } }>(
    'query($s: String) { devices(filter: { search: $s }) { edges { node { id hubDeviceId label } } } }',
    { s: label },
    await adminToken(),
  );
  const node = data.devices.edges.find((e) => e.node.label === label)?.node;
  if (!node) throw new Error(`no device labelled ${label}`);
  return node;
}

test('a scene is built with the pickers, refused with the field named, run with a result per command, and scheduled at sunset', async ({
  page,
}) => {
  const [porch, dimmer, store] = await Promise.all([
    deviceByLabel('Porch Light'),
    deviceByLabel('Kitchen Dimmer'),
    createStore(),
  ]);
  const sceneName = unique('Evening');
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  await page.getByRole('link', { name: 'Scenes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Scenes', level: 1 })).toBeVisible();

  // Build it: a device, one of its own commands, its arguments.
  await page.getByRole('button', { name: 'New scene' }).click();
  const form = page.getByTestId('scene-form');
  await form.getByLabel('Name').fill(sceneName);
  await form.getByLabel('Action 1 Device').selectOption(porch.id);
  await form.getByLabel('Action 1 Command').selectOption('on');
  await form.getByRole('button', { name: 'Add action' }).click();
  await form.getByLabel('Action 2 Device').selectOption(dimmer.id);
  await form.getByLabel('Action 2 Command').selectOption('setLevel');
  await form.getByLabel('Action 2 Argument 1 (number)').fill('bright');
  await form.getByRole('button', { name: 'Create scene' }).click();
  // The API checks arguments as sendDeviceCommand does and names the field.
  const argument = form.getByLabel('Action 2 Argument 1 (number)');
  await expect(argument).toHaveAttribute('aria-invalid', 'true');
  await expect(argument).toBeFocused();
  await argument.fill('30');
  await form.getByRole('button', { name: 'Create scene' }).click();
  await expect(form).toBeHidden();

  const row = page.locator('[data-testid="scene-row"]', { hasText: sceneName });
  await expect(row.getByRole('listitem')).toHaveText(['Porch Light: on', 'Kitchen Dimmer: setLevel 30']);
  await expect(row).toContainText('Never run.');

  // Run it: a result per command, and the hub did it.
  await row.getByRole('button', { name: `Run now ${sceneName}` }).click();
  await expect(row.getByTestId('run-outcome')).toHaveText('succeeded');
  await expect(row.getByTestId('run-result')).toHaveCount(2);
  await expect.poll(() => hubAttribute(porch.hubDeviceId, 'switch')).toBe('on');
  await expect.poll(() => hubAttribute(dimmer.hubDeviceId, 'level')).toBe('30');

  // Schedule it at sunset, at the store's place (its time zone comes with it).
  await page.getByRole('link', { name: 'Schedules', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Schedules', level: 1 })).toBeVisible();
  const scheduleName = unique('Dusk');
  await page.getByRole('button', { name: 'New schedule' }).click();
  const scheduleForm = page.getByTestId('schedule-form');
  await scheduleForm.getByLabel('Name').fill(scheduleName);
  await scheduleForm.getByLabel('Store', { exact: true }).selectOption(store.id);
  await scheduleForm.getByLabel('Scene', { exact: true }).selectOption({ label: sceneName });
  await scheduleForm.getByLabel('Sunset', { exact: true }).check();
  await scheduleForm.getByLabel('Offset (minutes)').fill('-30');
  await scheduleForm.getByLabel('Latitude').fill('52.52');
  await scheduleForm.getByLabel('Longitude').fill('13.405');
  await scheduleForm.getByRole('button', { name: 'Create schedule' }).click();
  await expect(scheduleForm).toBeHidden();

  const scheduleRow = page.locator('[data-testid="schedule-row"]', { hasText: scheduleName });
  await expect(scheduleRow).toContainText(`Scene ${sceneName}`);
  await expect(scheduleRow).toContainText('sunset − 30 min');
  await expect(scheduleRow.getByTestId('schedule-next').locator('time')).toHaveAttribute('datetime', /^20\d\d-/);

  // Disable and enable; the history is there (empty until it first runs).
  await scheduleRow.getByRole('button', { name: `Disable ${scheduleName}` }).click();
  await expect(scheduleRow.getByTestId('schedule-disabled')).toBeVisible();
  await expect(scheduleRow.getByTestId('schedule-next')).toHaveText('—');
  await scheduleRow.getByRole('button', { name: `Enable ${scheduleName}` }).click();
  await expect(scheduleRow.getByTestId('schedule-disabled')).toBeHidden();
  await scheduleRow.getByRole('button', { name: `History of ${scheduleName}` }).click();
  await expect(page.getByTestId('schedule-runs')).toContainText('No runs yet.');

  // Saved with the store’s time zone, which the form took from the store.
  const stored = await api<{ schedules: { name: string; timeZone: string }[] }>(
    '{ schedules { name timeZone } }',
    {},
    await adminToken(),
  );
  expect(stored.schedules.find((s) => s.name === scheduleName)?.timeZone).toBe('Europe/Berlin');
});
