import { randomBytes } from 'node:crypto';
import { apiKeyPrincipal, eventually, userPrincipal } from '@switchyard/testing';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

const COMMAND = `mutation ($deviceId: ID!, $command: String!, $args: [String!]) {
  sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args) { command sentAt confirmBy }
}`;
const HISTORY = `query ($id: ID!, $name: String) {
  device(id: $id) { events(name: $name, first: 50) { edges { node { name value source sentBy { kind apiKeyId user { id } } } } } }
}`;

// The support's HUB_COMMAND_TIMEOUT_MS: the read-back happens halfway, after 1 s.
const COMMAND_TIMEOUT_MS = 2_000;

describe('a command is confirmed by the hub, by its event or by reading the device back', () => {
  let hardware: HardwareUnderTest;
  let simulator: Simulator;
  let lamp: { id: string; hubDeviceId: string };
  const token = randomBytes(16).toString('hex');
  const send = (command: string, args: string[] = []) =>
    hardware.call(COMMAND, { deviceId: lamp.id, command, args }, userPrincipal('OPERATOR'));
  const stored = async (name: string) =>
    (await hardware.db.deviceAttribute.findFirst({ where: { deviceId: lamp.id, name } }))?.value;
  const events = (name: string) =>
    hardware.db.deviceEvent.findMany({ where: { deviceId: lamp.id, name }, orderBy: { receivedAt: 'asc' } });

  beforeAll(async () => {
    hardware = await startHardware();
    simulator = await createSimulator({ accessToken: token, devices: ['rgb-bulb', 'temperature-humidity'] });
    const result = await hardware.call(REGISTER_HUB, {
      input: { name: 'Home', baseUrl: simulator.url, appId: '1', accessToken: token },
    });
    lamp = result.data!.registerHub.devices.find((d: { label: string }) => d.label === 'Living Room Lamp');
  });
  afterEach(() => {
    simulator.faults.eventsMuted = false;
    simulator.faults.commandsIgnored = false;
  });
  afterAll(async () => {
    await simulator?.stop();
    await hardware?.stop();
  });

  it('answers when the new state is due, and the hub event confirms it', async () => {
    const result = await send('on');
    const { sentAt, confirmBy } = result.data!.sendDeviceCommand;
    expect(new Date(confirmBy).getTime() - new Date(sentAt).getTime()).toBe(COMMAND_TIMEOUT_MS);
    await eventually(async () => (await stored('switch')) === 'on');
    expect((await events('switch')).map((e) => [e.value, e.source])).toEqual([['on', 'DIGITAL']]);
  });

  it('repairs a lost push by reading the device back, within the command deadline', async () => {
    simulator.faults.eventsMuted = true;
    const started = Date.now();
    await send('off');
    await eventually(async () => (await stored('switch')) === 'off');
    expect(Date.now() - started).toBeLessThan(COMMAND_TIMEOUT_MS + 1_000);
    expect((await events('switch')).at(-1)).toMatchObject({ value: 'off', source: 'RECONCILIATION' });
  });

  it('repairs the issue\'s case: the hub already had the lamp on, so repeated "on" commands pushed nothing', async () => {
    // The lamp goes on at the hub and the push is lost: the hub says on, Switchyard still says off.
    simulator.faults.eventsMuted = true;
    simulator.setAttribute(lamp.hubDeviceId, 'switch', 'on');
    simulator.faults.eventsMuted = false;
    expect(await stored('switch')).toBe('off');
    for (let i = 0; i < 3; i++) expect((await send('on')).errors).toBeUndefined();
    // Nothing changed at the hub, so nothing was pushed; the read-back finds the difference.
    await eventually(async () => (await stored('switch')) === 'on');
    expect((await events('switch')).at(-1)).toMatchObject({ value: 'on', source: 'RECONCILIATION' });
  });

  it('records nothing for a command the device ignored, so the caller can tell it was not done', async () => {
    simulator.faults.commandsIgnored = true;
    const before = await events('switch');
    const result = await send('off');
    expect(result.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, COMMAND_TIMEOUT_MS + 200));
    expect(await stored('switch')).toBe('on');
    expect(await events('switch')).toHaveLength(before.length);
  });

  it('records each accepted command in the history with who sent it: a user, or an API key and its owner', async () => {
    const user = userPrincipal('OPERATOR');
    const key = apiKeyPrincipal('OPERATOR', ['hardware:write']);
    await hardware.call(COMMAND, { deviceId: lamp.id, command: 'setLevel', args: ['40'] }, user);
    await hardware.call(COMMAND, { deviceId: lamp.id, command: 'off', args: [] }, key);
    const history = await hardware.call(HISTORY, { id: lamp.id, name: null });
    const commands = history
      .data!.device.events.edges.map((e: { node: { source: string } }) => e.node)
      .filter((n: { source: string }) => n.source === 'COMMAND');
    expect(commands.slice(0, 2)).toEqual([
      {
        name: 'off',
        value: null,
        source: 'COMMAND',
        sentBy: { kind: 'API_KEY', apiKeyId: key.apiKeyId, user: { id: key.userId } },
      },
      {
        name: 'setLevel',
        value: '40',
        source: 'COMMAND',
        sentBy: { kind: 'USER', apiKeyId: null, user: { id: user.userId } },
      },
    ]);
    // What the hub reports carries no sender.
    const reported = history.data!.device.events.edges.find(
      (e: { node: { source: string } }) => e.node.source !== 'COMMAND',
    );
    expect(reported.node.sentBy).toBeNull();
  });

  it('filters the history by attribute', async () => {
    simulator.setAttribute(lamp.hubDeviceId, 'level', '33');
    await eventually(async () => (await stored('level')) === '33');
    const all = await hardware.call(HISTORY, { id: lamp.id });
    const names = new Set(all.data!.device.events.edges.map((e: { node: { name: string } }) => e.node.name));
    expect(names).toEqual(new Set(['switch', 'level', 'on', 'off', 'setLevel']));
    const switchOnly = await hardware.call(HISTORY, { id: lamp.id, name: 'switch' });
    const nodes = switchOnly.data!.device.events.edges.map((e: { node: { name: string } }) => e.node);
    expect(nodes.length).toBe((await events('switch')).length);
    expect(nodes.every((n: { name: string }) => n.name === 'switch')).toBe(true);
  });
});
