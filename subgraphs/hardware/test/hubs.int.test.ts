import { randomBytes } from 'node:crypto';
import { codeOf, eventually, userPrincipal } from '@switchyard/testing';
import { createDevice } from '../simulator/src/devices.ts';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

const COMMAND = `mutation ($deviceId: ID!, $command: String!, $args: [String!], $hubId: ID) {
  sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args, hubId: $hubId) { command arguments device { id } }
}`;
const HUB = 'query ($id: ID!) { hub(id: $id) { status lastSeenAt } }';

describe('hubs and devices against the Maker API simulator', () => {
  let hardware: HardwareUnderTest;
  let simulator: Simulator;
  let other: Simulator;
  let hubId: string;
  let devices: {
    id: string;
    hubDeviceId: string;
    label: string;
    capabilities: string[];
    commands: { name: string; arguments: string[] }[];
    attributes: { name: string; value: string }[];
  }[];
  const token = randomBytes(16).toString('hex');
  const dimmer = () => devices.find((d) => d.label === 'Kitchen Dimmer')!;

  beforeAll(async () => {
    hardware = await startHardware();
    simulator = await createSimulator({ accessToken: token, devices: ['dimmer', 'motion', 'lock', 'thermostat'] });
    other = await createSimulator({ accessToken: token, appId: '7', devices: ['switch'] });
    const result = await hardware.call(REGISTER_HUB, {
      input: { name: 'Home', baseUrl: simulator.url, appId: '1', accessToken: token },
    });
    expect(result.errors).toBeUndefined();
    hubId = result.data!.registerHub.id;
    devices = result.data!.registerHub.devices;
  });
  afterAll(async () => {
    await simulator?.stop();
    await other?.stop();
    await hardware?.stop();
  });

  it('imports every device with its capabilities, attributes and typed commands, and subscribes the hub', async () => {
    expect(devices.map((d) => d.label).sort()).toEqual([
      'Front Door Lock',
      'Hallway Motion',
      'Kitchen Dimmer',
      'Office Thermostat',
    ]);
    expect(dimmer().capabilities).toEqual(expect.arrayContaining(['Switch', 'SwitchLevel']));
    expect(dimmer().commands).toContainEqual({ name: 'setLevel', arguments: ['NUMBER', 'NUMBER'] });
    expect(dimmer().commands).toContainEqual({ name: 'on', arguments: [] });
    expect(dimmer().attributes).toContainEqual({ name: 'level', value: '50' });
    expect(simulator.postUrl).toBe(
      `${hardware.baseUrl}/hubitat/events/${hubId}/${hardware.services.webhooks.secretFor(hubId, 1)}`,
    );
  });

  it('keeps the token encrypted at rest and out of every answer', async () => {
    const row = await hardware.db.hub.findUniqueOrThrow({ where: { id: hubId } });
    expect(row.accessTokenEncrypted).not.toContain(token);
    expect(row.accessTokenEncrypted).toMatch(/^v1\./);
    const answer = await hardware.call('{ hubs { id name baseUrl appId status mode } }');
    expect(JSON.stringify(answer)).not.toContain(token);
  });

  it('refuses a wrong token, an unknown app id and a second registration of the same app', async () => {
    const base = { name: 'Again', baseUrl: simulator.url, appId: '1', accessToken: token };
    const wrongToken = await hardware.call(REGISTER_HUB, { input: { ...base, accessToken: 'not-the-token' } });
    expect(wrongToken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accessToken' });
    const wrongApp = await hardware.call(REGISTER_HUB, { input: { ...base, appId: '99' } });
    expect(wrongApp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.appId' });
    expect(codeOf(await hardware.call(REGISTER_HUB, { input: base }))).toBe('CONFLICT');
    expect(JSON.stringify([wrongToken, wrongApp])).not.toContain(token);
  });

  it('lets only an admin register hubs and an operator send commands', async () => {
    const viewer = userPrincipal('VIEWER');
    expect(codeOf(await hardware.call(COMMAND, { deviceId: dimmer().id, command: 'on' }, viewer))).toBe('FORBIDDEN');
    const operator = userPrincipal('OPERATOR');
    const input = { name: 'X', baseUrl: other.url, appId: '7', accessToken: token };
    expect(codeOf(await hardware.call(REGISTER_HUB, { input }, operator))).toBe('FORBIDDEN');
  });

  it('sends a valid command to the hub, and the resulting event lands in the history', async () => {
    const result = await hardware.call(
      COMMAND,
      { deviceId: dimmer().id, command: 'setLevel', args: ['40'] },
      userPrincipal('OPERATOR'),
    );
    expect(result.data?.sendDeviceCommand).toEqual({
      command: 'setLevel',
      arguments: ['40'],
      device: { id: dimmer().id },
    });
    expect(simulator.devices.get(dimmer().hubDeviceId)!.attributes.level).toBe('40');
    await eventually(
      async () =>
        (await hardware.db.deviceEvent.count({ where: { deviceId: dimmer().id, name: 'level', value: '40' } })) === 1,
    );
    const history = await hardware.call(
      'query ($id: ID!) { device(id: $id) { attributes { name value unit } events(first: 5) { edges { node { name value unit source } } } } }',
      { id: dimmer().id },
    );
    expect(history.data!.device.attributes).toContainEqual({ name: 'level', value: '40', unit: '%' });
    expect(history.data!.device.events.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      name: 'level',
      value: '40',
      unit: '%',
      source: 'DIGITAL',
    });
  });

  it('refuses an unknown command, a wrong argument count, a bad number and a device of another hub with BAD_USER_INPUT before calling the hub', async () => {
    const calls = [
      { deviceId: dimmer().id, command: 'explode', args: [] },
      { deviceId: dimmer().id, command: 'setLevel', args: [] },
      { deviceId: dimmer().id, command: 'setLevel', args: ['1', '2', '3'] },
      { deviceId: dimmer().id, command: 'setLevel', args: ['bright'] },
      { deviceId: dimmer().id, command: 'on', args: [], hubId: '00000000-0000-4000-8000-000000000000' },
    ];
    for (const variables of calls) {
      expect(codeOf(await hardware.call(COMMAND, variables))).toBe('BAD_USER_INPUT');
    }
    expect(
      codeOf(await hardware.call(COMMAND, { deviceId: '00000000-0000-4000-8000-000000000000', command: 'on' })),
    ).toBe('NOT_FOUND');
  });

  it('fails fast with SERVICE_UNAVAILABLE when the hub is down, marks it OFFLINE, opens the breaker, and recovers', async () => {
    await simulator.stop();
    const started = Date.now();
    const failed = await hardware.call(COMMAND, { deviceId: dimmer().id, command: 'on' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(codeOf(failed)).toBe('SERVICE_UNAVAILABLE');
    expect(failed.errors?.[0]?.message).toMatch(/unreachable/);
    expect((await hardware.call(HUB, { id: hubId })).data!.hub.status).toBe('OFFLINE');

    for (let i = 0; i < 3; i++) await hardware.call(COMMAND, { deviceId: dimmer().id, command: 'on' });
    const breakers = (await hardware.call('{ hubCircuitBreakers { name service state failures } }')).data!
      .hubCircuitBreakers;
    expect(breakers).toContainEqual(
      expect.objectContaining({ name: `hubitat-hub:${hubId}`, service: 'hardware', state: 'OPEN' }),
    );

    await simulator.start();
    // The poll gets through once the breaker lets a call through again (half-open).
    await eventually(async () => {
      await hardware.services.hubService.poll(hubId);
      return (await hardware.call(HUB, { id: hubId })).data!.hub.status === 'ONLINE';
    });
    const outbox = await hardware.db.outboxEvent.findMany({
      where: { type: { in: ['HubStatusChanged', 'CircuitBreakerStateChanged'] } },
      orderBy: { occurredAt: 'asc' },
    });
    expect(
      outbox
        .filter((e) => e.type === 'HubStatusChanged')
        .map((e) => [(e.payload as { hubName: string }).hubName, (e.payload as { status: string }).status]),
    ).toEqual([
      ['Home', 'OFFLINE'],
      ['Home', 'ONLINE'],
    ]);
    // A slow machine may see the breaker half-open and trip again while the hub is still down.
    const states = outbox
      .filter((e) => e.type === 'CircuitBreakerStateChanged')
      .map((e) => (e.payload as { state: string }).state);
    expect(states.slice(0, 2)).toEqual(['OPEN', 'HALF_OPEN']);
    expect(states.at(-1)).toBe('CLOSED');
  });

  it('repairs a missed event on the next poll as a RECONCILIATION event', async () => {
    simulator.delivery.pause();
    const lock = devices.find((d) => d.label === 'Front Door Lock')!;
    simulator.setAttribute(lock.hubDeviceId, 'lock', 'unlocked');
    await hardware.services.hubService.poll(hubId);
    const events = await hardware.db.deviceEvent.findMany({ where: { deviceId: lock.id, name: 'lock' } });
    expect(events.map((e) => [e.value, e.source])).toEqual([['unlocked', 'RECONCILIATION']]);
    simulator.delivery.clear();
    simulator.delivery.resume();
  });

  it('syncs a hub: devices added on the hub appear, devices taken away disappear', async () => {
    simulator.devices.set('10', { ...createDevice('contact', '10'), label: 'Back Door Contact' });
    simulator.devices.delete(devices.find((d) => d.label === 'Hallway Motion')!.hubDeviceId);
    const synced = await hardware.call(
      'mutation ($id: ID!) { syncHub(id: $id) { status devices { label commands { name } } } }',
      { id: hubId },
      userPrincipal('OPERATOR'),
    );
    expect(synced.data!.syncHub.status).toBe('ONLINE');
    expect(synced.data!.syncHub.devices.map((d: { label: string }) => d.label).sort()).toEqual([
      'Back Door Contact',
      'Front Door Lock',
      'Kitchen Dimmer',
      'Office Thermostat',
    ]);
    expect(
      synced.data!.syncHub.devices.find((d: { label: string }) => d.label === 'Back Door Contact').commands,
    ).toEqual([{ name: 'refresh' }]);
  });

  it('removes a hub with its devices and clears its postURL', async () => {
    const registered = await hardware.call(REGISTER_HUB, {
      input: { name: 'Shop', baseUrl: other.url, appId: '7', accessToken: token },
    });
    const id = registered.data!.registerHub.id;
    expect(other.postUrl).not.toBeNull();
    expect((await hardware.call('mutation ($id: ID!) { removeHub(id: $id) }', { id })).data).toEqual({ removeHub: id });
    expect(other.postUrl).toBeNull();
    expect(await hardware.db.device.count({ where: { hubId: id } })).toBe(0);
  });

  it('reports a token that no longer decrypts clearly, and still removes that hub', async () => {
    const {
      id,
      devices: [device],
    } = (
      await hardware.call(REGISTER_HUB, { input: { name: 'Shop', baseUrl: other.url, appId: '7', accessToken: token } })
    ).data!.registerHub;
    const row = await hardware.db.hub.findUniqueOrThrow({ where: { id } });
    await hardware.db.hub.update({
      where: { id },
      data: { accessTokenEncrypted: `${row.accessTokenEncrypted.slice(0, -4)}AAAA` },
    });
    const command = await hardware.call(COMMAND, { deviceId: device.id, command: 'on' });
    expect(codeOf(command)).toBe('SERVICE_UNAVAILABLE');
    expect(command.errors?.[0]?.message).toMatch(/cannot be decrypted/);
    expect((await hardware.call('mutation ($id: ID!) { removeHub(id: $id) }', { id })).data).toEqual({ removeHub: id });
  });
});
