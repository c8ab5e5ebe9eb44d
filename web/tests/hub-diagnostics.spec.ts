import { expect, test } from '@playwright/test';
import { admin, adminToken, api, signIn } from './support.ts';

// The simulated Hubitat hub that tests/run.ts starts and the hardware subgraph registers at start.
const hub = {
  url: process.env.SIMULATOR_URL!,
  appId: process.env.SIMULATOR_APP_ID!,
  token: process.env.SIMULATOR_TOKEN!,
};

async function thermostat() {
  const data = await api<{
    devices: {
      edges: { node: { id: string; hubDeviceId: string; label: string; hub: { id: string; name: string } } }[];
    };
  }>(
    'query { devices(filter: { search: "Office Thermostat" }) { edges { node { id hubDeviceId label hub { id name } } } } }',
    {},
    await adminToken(),
  );
  const node = data.devices.edges.find((e) => e.node.label === 'Office Thermostat')?.node;
  if (!node) throw new Error('no Office Thermostat');
  return node;
}

test('the hub page shows event delivery and a test event arrives', async ({ page }) => {
  const { hub: target } = await thermostat();
  await signIn(page, admin);
  await page.goto('/devices/hubs');
  await page.getByRole('link', { name: target.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: target.name, level: 1 })).toBeVisible();
  const section = page.getByTestId('hub-diagnostics');
  await expect(section.getByRole('heading', { name: 'Event delivery' })).toBeVisible();
  await expect(section.getByTestId('post-url-state')).toContainText('unknown');
  await expect(section.getByTestId('expected-post-url')).toContainText(`/hubitat/events/${target.id}/…`);
  await section.getByRole('button', { name: 'Send test event' }).click();
  await expect(section.getByTestId('test-outcome')).toContainText('Event received in', { timeout: 15_000 });
  await expect(section.getByTestId('last-event')).not.toContainText('none received yet');
});

test('the device page charts a numeric attribute over hour, day, week and month, and shows its last event', async ({
  page,
}) => {
  const device = await thermostat();
  // Someone at the hub sets the thermostat: the hub pushes heatingSetpoint, which is rolled up hourly.
  // Two different values, so at least one is a change the hub pushes whatever the setpoint was.
  const setpoint = 25 + Math.floor(Math.random() * 10);
  for (const value of [setpoint - 10, setpoint]) {
    const response = await fetch(
      `${hub.url}/apps/api/${hub.appId}/devices/${device.hubDeviceId}/setHeatingSetpoint/${value}?access_token=${hub.token}`,
    );
    expect(response.status).toBe(200);
  }
  await signIn(page, admin);
  await expect(async () => {
    await page.goto(`/devices/${device.id}`);
    await expect(page.locator('[data-testid="attribute-chart"][data-attribute="heatingSetpoint"]')).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('device-last-event')).not.toContainText('none received yet');
  const chart = page.locator('[data-testid="attribute-chart"][data-attribute="heatingSetpoint"]');
  await expect(chart.getByTestId('chart-summary')).toContainText(`latest ${setpoint}°C`);
  await expect(chart.getByRole('img')).toBeVisible();
  for (const range of ['Hour', 'Week', 'Month', 'Day']) {
    const button = chart.getByRole('button', { name: range, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(chart.getByTestId('chart-summary')).toContainText(`latest ${setpoint}°C`);
  }
});
