import { expect, test } from '@playwright/test';
import { admin, adminToken, api, confirmDialog, signIn } from './support.ts';

// The simulated Hubitat hub that tests/run.ts starts and the hardware subgraph registers at start.
const simulator = { url: process.env.SIMULATOR_URL!, token: process.env.SIMULATOR_TOKEN! };

/** Someone at the store opens a door: a physical change on the simulator (a test-only path, not the Maker API). */
async function atTheDevice(deviceId: string, name: string, value: string) {
  const response = await fetch(`${simulator.url}/simulator/attributes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${simulator.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, name, value }),
  });
  expect(response.status).toBe(200);
}

test('hub page: mode, HSM arm with a live intrusion alert, disarm with confirmation, variables edited inline', async ({
  page,
}) => {
  const token = await adminToken();
  const { devices } = await api<{
    devices: { edges: { node: { hubDeviceId: string; label: string; hub: { id: string; name: string } } }[] };
  }>(
    '{ devices(filter: { capability: "ContactSensor" }) { edges { node { hubDeviceId label hub { id name } } } } }',
    {},
    token,
  );
  const contact = devices.edges[0]!.node;
  // Starts disarmed and reads the hub's state in (as the poll would).
  await api('mutation($h: ID!) { setHsm(hubId: $h, arm: DISARM) { id } }', { h: contact.hub.id }, token);
  await atTheDevice(contact.hubDeviceId, 'contact', 'closed');

  await signIn(page, admin);
  await page.goto('/devices/hubs');
  await page.getByTestId('hub-link').filter({ hasText: contact.hub.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: contact.hub.name })).toBeVisible();

  // Mode
  const current = await page.getByTestId('hub-mode').textContent();
  const next = current === 'Evening' ? 'Night' : 'Evening';
  await page.getByLabel('New mode').selectOption(next);
  await page.getByRole('button', { name: 'Set mode' }).click();
  await expect(page.getByTestId('hub-mode')).toHaveText(next);

  // HSM: armed away, a door opens at the store, the alert shows up live.
  await page.getByRole('button', { name: 'Arm away' }).click();
  await expect(page.getByTestId('hsm-status')).toHaveText('Armed away');
  await atTheDevice(contact.hubDeviceId, 'contact', 'open');
  await expect(page.getByTestId('hub-events').locator('[data-kind="HSM_ALERT"]').first()).toContainText('intrusion');
  await page.getByRole('button', { name: 'Disarm' }).click();
  await confirmDialog(page, 'Disarm');
  await expect(page.getByTestId('hsm-status')).toHaveText('Disarmed');
  await expect(page.getByTestId('hub-events').locator('[data-kind="HSM_ALERT"]').first()).toContainText('cancel');
  await atTheDevice(contact.hubDeviceId, 'contact', 'closed');

  // Variables: a bad value is refused at the field, a good one saved.
  const guests = page.locator('[data-testid="hub-variable"][data-name="Guests"]');
  await guests.getByRole('button', { name: 'Edit Guests' }).click();
  await page.getByLabel('Value of Guests').fill('two');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'whole number' })).toBeVisible();
  await page.getByLabel('Value of Guests').fill('7');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(guests.getByTestId('variable-value')).toHaveText('7');
});
