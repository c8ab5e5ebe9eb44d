import { randomBytes } from 'node:crypto';
import { Agent } from 'undici';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { TEST_BACKENDS } from '@switchyard/shared/testing';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

describe.each(TEST_BACKENDS)('inbound hub events (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  let simulator: Simulator;
  let eventsUrl: string;
  let sensor: { id: string; hubDeviceId: string };
  // The hub keeps connections alive; so does this sender, like a real hub would.
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, dispatcher: agent } as unknown as RequestInit);
  const event = (content: Record<string, unknown>) =>
    JSON.stringify({ content: { name: 'temperature', value: '21.5', displayName: 'Sensor', deviceId: sensor.hubDeviceId, descriptionText: null, unit: '°C', type: 'physical', data: null, ...content } });

  beforeAll(async () => {
    hardware = await startHardware({ backend });
    const token = randomBytes(16).toString('hex');
    simulator = await createSimulator({ accessToken: token, devices: ['temperature-humidity', 'contact'] });
    const registered = await hardware.call(REGISTER_HUB, { input: { name: 'Sensors', baseUrl: simulator.url, appId: '1', accessToken: token } });
    const hub = registered.data!.registerHub;
    sensor = hub.devices.find((d: { label: string }) => d.label === 'Cold Room Sensor');
    eventsUrl = simulator.postUrl!;
    // The test plays the hub from here on.
    await simulator.stop();
  });
  afterAll(async () => {
    await agent.close();
    await hardware?.stop();
  });

  it('rejects a wrong secret or unknown hub (401), malformed or invalid JSON (400) and an unknown device (404), and stays up', async () => {
    const wrongSecret = eventsUrl.replace(/[^/]+$/, 'not-the-secret');
    expect((await post(wrongSecret, event({}))).status).toBe(401);
    expect((await post(eventsUrl.replace(/events\/[^/]+/, 'events/00000000-0000-4000-8000-000000000000'), event({}))).status).toBe(401);
    expect((await post(eventsUrl, '{"content": {')).status).toBe(400);
    expect((await post(eventsUrl, JSON.stringify({ content: { value: 'no name' } }))).status).toBe(400);
    expect((await post(eventsUrl, event({ deviceId: '999' }))).status).toBe(404);
    expect((await fetch(`${hardware.baseUrl}/health`)).status).toBe(200);
    expect((await post(eventsUrl, event({ value: '3.1' }))).status).toBe(201);
  });

  it('stores a resent event once, but a value that comes back is a new event', async () => {
    const values = ['on-1', 'on-1', 'off-1', 'on-1', 'on-1'];
    const statuses = [];
    for (const value of values) statuses.push((await post(eventsUrl, event({ name: 'contact', value, descriptionText: `contact is ${value}` }))).status);
    expect(statuses).toEqual([201, 200, 201, 201, 200]);
    const stored = await hardware.db.deviceEvent.findMany({ where: { deviceId: sensor.id, name: 'contact' }, orderBy: { receivedAt: 'asc' } });
    expect(stored.map((e) => e.value)).toEqual(['on-1', 'off-1', 'on-1']);
  });

  it('stores the same event delivered five times at once exactly once', async () => {
    const body = event({ name: 'humidity', value: '55', unit: '%', descriptionText: 'humidity is 55%' });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => post(eventsUrl, body).then((r) => r.status)));
    expect(statuses.sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await hardware.db.deviceEvent.count({ where: { deviceId: sensor.id, name: 'humidity', value: '55' } })).toBe(1);
  });

  it('stores a location mode event as the hub mode', async () => {
    const response = await post(eventsUrl, JSON.stringify({ content: { name: 'mode', value: 'Night', displayName: 'Home', deviceId: null, descriptionText: 'Mode is Night', unit: null, type: null, data: null } }));
    expect(response.status).toBe(200);
    expect((await hardware.db.hub.findFirstOrThrow()).mode).toBe('Night');
  });
});

