import { randomBytes } from 'node:crypto';
import { HUBITAT_DELIVERY_HEADER } from '@switchyard/shared';
import { TEST_BACKENDS, eventually } from '@switchyard/testing';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

describe.each(TEST_BACKENDS)('button presses and retried deliveries (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  let simulator: Simulator;
  let button: { id: string; hubDeviceId: string };
  const token = randomBytes(16).toString('hex');
  const presses = () => hardware.db.deviceEvent.count({ where: { deviceId: button.id, name: 'pushed' } });
  const post = (content: Record<string, unknown>, delivery?: string) =>
    fetch(simulator.postUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(delivery ? { [HUBITAT_DELIVERY_HEADER]: delivery } : {}) },
      body: JSON.stringify({
        content: { name: 'pushed', value: '2', deviceId: button.hubDeviceId, type: 'physical', ...content },
      }),
    }).then((response) => response.status);

  beforeAll(async () => {
    hardware = await startHardware({ backend });
    simulator = await createSimulator({ accessToken: token, devices: ['button', 'contact'] });
    const result = await hardware.call(REGISTER_HUB, {
      input: { name: 'Counter', baseUrl: simulator.url, appId: '1', accessToken: token },
    });
    button = result.data!.registerHub.devices.find((d: { label: string }) => d.label === 'Counter Button');
  });
  afterAll(async () => {
    await simulator?.stop();
    await hardware?.stop();
  });

  it('stores two identical presses pushed by the hub as two events', async () => {
    const before = await presses();
    simulator.pushButton(button.hubDeviceId, 1);
    simulator.pushButton(button.hubDeviceId, 1);
    await eventually(async () => (await presses()) === before + 2);
    await simulator.delivery.idle();
    expect(await presses()).toBe(before + 2);
    expect(simulator.delivery.stats.dropped).toBe(0);
  });

  it('stores a retried delivery (same body, same delivery id) once, and a new delivery again', async () => {
    const before = await presses();
    expect(await post({}, 'delivery-a')).toBe(201);
    expect(await post({}, 'delivery-a')).toBe(200);
    expect(await post({}, 'delivery-b')).toBe(201);
    expect(await presses()).toBe(before + 2);
  });

  it('counts every POST of a momentary event without a delivery id, as from a real hub', async () => {
    const before = await presses();
    expect([await post({}), await post({})]).toEqual([201, 201]);
    expect(await presses()).toBe(before + 2);
  });

  it('never collapses an event flagged isStateChange, but keeps the content rule for state attributes', async () => {
    const contact = { name: 'contact', value: 'open', deviceId: '2' };
    expect(await post(contact, 'c-1')).toBe(201);
    // A different delivery of the same state is still no change: the content rule holds.
    expect(await post(contact, 'c-2')).toBe(200);
    expect(await post({ ...contact, isStateChange: true }, 'c-3')).toBe(201);
    expect(await post({ ...contact, isStateChange: 'true' }, 'c-3')).toBe(200);
    expect(await post({ ...contact, isStateChange: 'maybe' }, 'c-4')).toBe(400);
  });
});
