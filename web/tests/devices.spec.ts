import { expect, test, type Page } from '@playwright/test';
import { admin, adminToken, api, createUser, screenshot, secondSession, signIn } from './support.ts';

// The simulated Hubitat hub that tests/run.ts starts and the hardware subgraph registers at start.
const hub = {
  url: process.env.SIMULATOR_URL!,
  appId: process.env.SIMULATOR_APP_ID!,
  token: process.env.SIMULATOR_TOKEN!,
};

/** Someone at the hub itself (a wall switch, the hub's own UI): the Maker API, not Switchyard. */
async function makerApi<T>(path: string): Promise<T> {
  const response = await fetch(`${hub.url}/apps/api/${hub.appId}/${path}?access_token=${hub.token}`);
  expect(response.status, `Maker API ${path}`).toBe(200);
  return (await response.json()) as T;
}

async function hubAttribute(hubDeviceId: string, name: string): Promise<string | undefined> {
  const device = await makerApi<{ attributes: { name: string; currentValue: string }[] }>(`devices/${hubDeviceId}`);
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

async function openDevices(page: Page) {
  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Devices', level: 1 })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await expect(page.getByTestId('device-tile').first()).toBeVisible();
}

/** Test-only switches of the simulator (not the Maker API): a hub that loses its pushes, a device that ignores commands. */
async function simulatorFaults(faults: { eventsMuted?: boolean; commandsIgnored?: boolean }) {
  const response = await fetch(`${hub.url}/simulator/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

const tile = (page: Page, id: string) => page.locator(`[data-testid="device-tile"][data-device-id="${id}"]`);

test('toggling a simulated Hubitat switch in one context updates the tile in the other', async ({ page, browser }) => {
  const porch = await deviceByLabel('Porch Light');
  await signIn(page, admin);
  await openDevices(page);
  const watcher = await secondSession(browser);
  await openDevices(watcher);
  // Client-side only from here: this marker would not survive a reload.
  await watcher.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  const before = await hubAttribute(porch.hubDeviceId, 'switch');
  expect(before).toMatch(/^(on|off)$/);
  const after = before === 'on' ? 'off' : 'on';
  const mine = tile(page, porch.id);
  const theirs = tile(watcher, porch.id);
  await expect(mine.getByTestId('attr-switch')).toHaveText(before!);
  await expect(theirs.getByTestId('attr-switch')).toHaveText(before!);
  await expect(theirs.getByRole('switch', { name: 'Porch Light power' })).toHaveAttribute(
    'aria-checked',
    String(before === 'on'),
  );

  await mine.getByRole('switch', { name: 'Porch Light power' }).click();

  await expect(theirs.getByTestId('attr-switch')).toHaveText(after);
  await expect(theirs.getByRole('switch', { name: 'Porch Light power' })).toHaveAttribute(
    'aria-checked',
    String(after === 'on'),
  );
  await expect(mine.getByTestId('attr-switch')).toHaveText(after);
  // The command reached the hub: its own state changed.
  expect(await hubAttribute(porch.hubDeviceId, 'switch')).toBe(after);
  expect(await watcher.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  // Grouping by store keeps the same live tile (the simulated hub has no store).
  await watcher.getByRole('radio', { name: 'Store' }).check();
  await expect(watcher).toHaveURL(/group=store/);
  await expect(watcher.getByRole('heading', { name: /^No store/, level: 3 })).toBeVisible();
  await expect(tile(watcher, porch.id).getByTestId('attr-switch')).toHaveText(after);
  await watcher.context().close();

  // Switching back from the tile returns the hub to where it was.
  await mine.getByRole('switch', { name: 'Porch Light power' }).click();
  await expect(mine.getByTestId('attr-switch')).toHaveText(before!);
  await expect.poll(() => hubAttribute(porch.hubDeviceId, 'switch')).toBe(before);
  await screenshot(page, 'devices');
});

test('a device changed at the hub itself updates its tile and detail page live', async ({ page }) => {
  const dimmer = await deviceByLabel('Kitchen Dimmer');
  await signIn(page, admin);
  await openDevices(page);
  const current = Number(await hubAttribute(dimmer.hubDeviceId, 'level'));
  const level = current === 37 ? 63 : 37;

  await makerApi(`devices/${dimmer.hubDeviceId}/setLevel/${level}`);
  const dimmerTile = tile(page, dimmer.id);
  await expect(dimmerTile.getByTestId('attr-level')).toHaveText(`${level}%`);
  await expect(dimmerTile.getByTestId('attr-switch')).toHaveText('on');
  await expect(dimmerTile.getByRole('slider', { name: 'Kitchen Dimmer level' })).toHaveValue(String(level));

  // The detail page: current state, history and commands, all live.
  await dimmerTile.getByRole('link', { name: 'Kitchen Dimmer' }).click();
  await expect(page.getByTestId('device-label')).toHaveText('Kitchen Dimmer');
  await expect(page.getByTestId('attribute-level')).toHaveText(`${level}%`);
  await expect(page.getByTestId('device-history').locator('li').first()).toBeVisible();
  const next = level + 5;
  await makerApi(`devices/${dimmer.hubDeviceId}/setLevel/${next}`);
  await expect(page.getByTestId('attribute-level')).toHaveText(`${next}%`);
  await expect(page.getByTestId('device-history').locator('li').first()).toContainText(`level ${next}%`);
  await expect(page.getByRole('button', { name: 'setLevel' })).toBeVisible();

  // A command from the detail page's controls goes through the hub and comes back as its event.
  await page.getByRole('switch', { name: 'Kitchen Dimmer power' }).click();
  await expect(page.getByTestId('attribute-switch')).toHaveText('off');
  expect(await hubAttribute(dimmer.hubDeviceId, 'switch')).toBe('off');
  await screenshot(page, 'device-detail');
});

test('lock, dimmer and thermostat controls reach the hub and come back as its events', async ({ page }) => {
  const [lock, dimmer, thermostat] = await Promise.all([
    deviceByLabel('Front Door Lock'),
    deviceByLabel('Kitchen Dimmer'),
    deviceByLabel('Office Thermostat'),
  ]);
  await signIn(page, admin);
  await openDevices(page);

  const locked = (await hubAttribute(lock.hubDeviceId, 'lock')) === 'locked';
  const lockTile = tile(page, lock.id);
  await lockTile.getByRole('button', { name: `${locked ? 'Unlock' : 'Lock'} Front Door Lock` }).click();
  await expect(lockTile.getByTestId('attr-lock')).toHaveText(locked ? 'unlocked' : 'locked');
  await expect(lockTile.getByRole('button', { name: `${locked ? 'Lock' : 'Unlock'} Front Door Lock` })).toBeVisible();
  expect(await hubAttribute(lock.hubDeviceId, 'lock')).toBe(locked ? 'unlocked' : 'locked');

  const level = Number(await hubAttribute(dimmer.hubDeviceId, 'level')) === 20 ? 30 : 20;
  const slider = tile(page, dimmer.id).getByRole('slider', { name: 'Kitchen Dimmer level' });
  await slider.fill(String(level));
  await expect(tile(page, dimmer.id).getByTestId('attr-level')).toHaveText(`${level}%`);
  await expect.poll(() => hubAttribute(dimmer.hubDeviceId, 'level')).toBe(String(level));

  const setpoint = Number(await hubAttribute(thermostat.hubDeviceId, 'heatingSetpoint')) === 22.5 ? 19 : 22.5;
  const thermostatTile = tile(page, thermostat.id);
  await thermostatTile.getByRole('spinbutton', { name: 'Office Thermostat heating setpoint' }).fill(String(setpoint));
  await thermostatTile.getByRole('button', { name: 'Set heating setpoint of Office Thermostat' }).click();
  await expect(thermostatTile.getByTestId('attr-heatingSetpoint')).toHaveText(new RegExp(`^${setpoint}(°C)?$`));
  expect(await hubAttribute(thermostat.hubDeviceId, 'heatingSetpoint')).toBe(String(setpoint));
});

test('the hubs page lists the simulated hub ONLINE and the add-hub form shows field errors', async ({ page }) => {
  const { hubs } = await api<{ hubs: { id: string; name: string; status: string; devices: { id: string }[] }[] }>(
    '{ hubs { id name status devices { id } } }',
    {},
    await adminToken(),
  );
  const simulated = hubs.find((h) => h.status === 'ONLINE');
  expect(simulated, 'the simulated hub is registered and ONLINE').toBeTruthy();

  await signIn(page, admin);
  await openDevices(page);
  await page.getByRole('link', { name: 'Hubs' }).click();
  await expect(page.getByRole('heading', { name: 'Hubs', level: 1 })).toBeVisible();
  const row = page.locator(`[data-testid="hub-row"][data-hub-id="${simulated!.id}"]`);
  await expect(row).toContainText(simulated!.name);
  await expect(row.getByTestId('hub-status')).toHaveText('ONLINE');
  await expect(row.getByTestId('hub-devices')).toHaveText(new RegExp(`^${simulated!.devices.length}\\b`));
  expect(simulated!.devices.length).toBeGreaterThanOrEqual(9);
  await expect(row).toContainText(hub.url);

  // Sync re-imports the devices: still ONLINE, same count.
  await row.getByRole('button', { name: `Sync ${simulated!.name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'synced' })).toContainText(
    `${simulated!.name} synced: ${simulated!.devices.length} devices.`,
  );
  await expect(row.getByTestId('hub-status')).toHaveText('ONLINE');

  const form = page.getByTestId('add-hub');
  await form.getByLabel('Name').fill('Back office hub');
  await form.getByLabel('Base URL').fill('ftp://192.168.1.20');
  await form.getByLabel('Maker API app id').fill('12');
  await form.getByLabel('Access token').fill('not-the-token-1234');
  await form.getByRole('button', { name: 'Add hub' }).click();
  const baseUrl = form.getByLabel('Base URL');
  await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(baseUrl).toHaveAccessibleDescription('Must be an http(s) URL such as http://192.168.1.20');
  await expect(baseUrl).toBeFocused();
  await expect(form.getByLabel('Access token')).toHaveAttribute('aria-invalid', 'false');
  await screenshot(page, 'hubs');

  // The real hub with a wrong token: the hub's own 401 lands on the token field.
  await baseUrl.fill(hub.url);
  await form.getByLabel('Maker API app id').fill(hub.appId);
  await form.getByRole('button', { name: 'Add hub' }).click();
  await expect(form.getByLabel('Access token')).toHaveAccessibleDescription('The hub rejected this access token');
  await expect(baseUrl).toHaveAttribute('aria-invalid', 'false');
  // Nothing was registered.
  await expect(page.getByTestId('hub-row')).toHaveCount(hubs.length);
});

test('a viewer sees live tiles but no controls', async ({ page }) => {
  const porch = await deviceByLabel('Porch Light');
  const viewer = await createUser('VIEWER');
  await signIn(page, viewer);
  await openDevices(page);

  const porchTile = tile(page, porch.id);
  await expect(porchTile.getByTestId('attr-switch')).toHaveText((await hubAttribute(porch.hubDeviceId, 'switch'))!);
  expect(await page.getByTestId('device-tile').count()).toBeGreaterThanOrEqual(9);
  await expect(page.getByRole('switch')).toHaveCount(0);
  await expect(page.getByRole('slider')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Lock|Unlock)\b/ })).toHaveCount(0);
  await expect(page.getByRole('spinbutton')).toHaveCount(0);

  // Still live for a viewer: a change at the hub shows up.
  const before = await hubAttribute(porch.hubDeviceId, 'switch');
  const after = before === 'on' ? 'off' : 'on';
  await makerApi(`devices/${porch.hubDeviceId}/${after}`);
  await expect(porchTile.getByTestId('attr-switch')).toHaveText(after);

  // The detail page lists commands without buttons; the hubs page has no actions or form.
  await porchTile.getByRole('link', { name: 'Porch Light' }).click();
  await expect(page.getByTestId('device-label')).toHaveText('Porch Light');
  await expect(page.getByRole('heading', { name: 'Commands' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Controls' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'on', exact: true })).toHaveCount(0);
  await expect(page.getByRole('switch')).toHaveCount(0);
  await page.goto('/devices/hubs');
  await expect(page.getByTestId('hub-status').first()).toHaveText(/^(ONLINE|OFFLINE|UNAUTHORIZED)$/);
  await expect(page.getByRole('button', { name: /^(Sync|Remove)/ })).toHaveCount(0);
  await expect(page.getByTestId('add-hub')).toHaveCount(0);
  await makerApi(`devices/${porch.hubDeviceId}/${before}`);
});

test.describe('command feedback', () => {
  test.afterEach(() => simulatorFaults({ eventsMuted: false, commandsIgnored: false }));

  test('a command stays pending until the device confirms it, even when the hub loses its push', async ({ page }) => {
    const lamp = await deviceByLabel('Living Room Lamp');
    await signIn(page, admin);
    await openDevices(page);
    const before = await hubAttribute(lamp.hubDeviceId, 'switch');
    const after = before === 'on' ? 'off' : 'on';
    const lampTile = tile(page, lamp.id);
    await expect(lampTile.getByTestId('attr-switch')).toHaveText(before!);

    // The hub acts but its event never comes: hardware reads the lamp back and confirms it.
    await simulatorFaults({ eventsMuted: true });
    const toggle = lampTile.getByRole('switch', { name: 'Living Room Lamp power' });
    await toggle.click();
    await expect(lampTile.getByTestId('command-pending')).toContainText(
      `Turn ${after}: waiting for the device to confirm`,
    );
    // While it is pending the control waits, so the command cannot be sent again and again.
    await expect(toggle).toBeDisabled();
    await expect(lampTile.getByTestId('attr-switch')).toHaveText(after, { timeout: 15_000 });
    await expect(lampTile.getByTestId('command-pending')).toHaveCount(0);
    await expect(lampTile.getByTestId('command-timeout')).toHaveCount(0);
    await expect(toggle).toBeEnabled();
    expect(await hubAttribute(lamp.hubDeviceId, 'switch')).toBe(after);

    // The history says who sent it, and one attribute's changes can be shown alone.
    await lampTile.getByRole('link', { name: 'Living Room Lamp' }).click();
    await expect(page.getByTestId('device-label')).toHaveText('Living Room Lamp');
    const history = page.getByTestId('device-history');
    await expect(
      history
        .locator('li')
        .filter({ hasText: `Turn ${after}` })
        .first(),
    ).toContainText('sent by Administrator');
    await page.getByTestId('history-filter').selectOption('level');
    await expect(page).toHaveURL(/attribute=level/);
    await expect(history.locator('li').filter({ hasText: 'Turn' })).toHaveCount(0);
    await page.getByTestId('history-filter').selectOption('switch');
    await expect(history.locator('li').first()).toContainText(`switch ${after}`);
    await expect(history.locator('li').filter({ hasText: /Turn|level/ })).toHaveCount(0);
    await screenshot(page, 'device-history-filtered');
  });

  test('a command the device never carries out ends in a plain timeout message', async ({ page }) => {
    const porch = await deviceByLabel('Porch Light');
    await signIn(page, admin);
    await openDevices(page);
    const before = await hubAttribute(porch.hubDeviceId, 'switch');
    const porchTile = tile(page, porch.id);
    await expect(porchTile.getByTestId('attr-switch')).toHaveText(before!);

    await simulatorFaults({ commandsIgnored: true });
    await porchTile.getByRole('switch', { name: 'Porch Light power' }).click();
    await expect(porchTile.getByTestId('command-pending')).toBeVisible();
    // The hub's deadline (HUB_COMMAND_TIMEOUT_MS, 10 s) is what this waits for.
    const timeout = porchTile.getByTestId('command-timeout');
    await expect(timeout).toContainText('did not report the change within 10 seconds', { timeout: 20_000 });
    await expect(timeout).toHaveAttribute('role', 'alert');
    await expect(porchTile.getByTestId('attr-switch')).toHaveText(before!);
    await screenshot(page, 'device-command-timeout');
    await timeout.getByRole('button', { name: 'Dismiss' }).click();
    await expect(timeout).toHaveCount(0);
  });
});
