import { randomBytes } from 'node:crypto';
import { Agent } from 'undici';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { TEST_BACKENDS, eventually } from '@switchyard/testing';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

describe.each(TEST_BACKENDS)('inbound hub events (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  let simulator: Simulator;
  let eventsUrl: string;
  let sensor: { id: string; hubDeviceId: string };
  // The hub keeps connections alive; so does this sender, like a real hub would.
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  const post = (url: string, body: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      dispatcher: agent,
    } as unknown as RequestInit);
  const event = (content: Record<string, unknown>) =>
    JSON.stringify({
      content: {
        name: 'temperature',
        value: '21.5',
        displayName: 'Sensor',
        deviceId: sensor.hubDeviceId,
        descriptionText: null,
        unit: '°C',
        type: 'physical',
        data: null,
        ...content,
      },
    });

  beforeAll(async () => {
    // The smallest queue allowed, so that a flood of a few hundred fills it.
    hardware = await startHardware({ backend, events: { queueLimit: 100 } });
    const token = randomBytes(16).toString('hex');
    simulator = await createSimulator({ accessToken: token, devices: ['temperature-humidity', 'contact'] });
    const registered = await hardware.call(REGISTER_HUB, {
      input: { name: 'Sensors', baseUrl: simulator.url, appId: '1', accessToken: token },
    });
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
    expect(
      (await post(eventsUrl.replace(/events\/[^/]+/, 'events/00000000-0000-4000-8000-000000000000'), event({}))).status,
    ).toBe(401);
    expect((await post(eventsUrl, '{"content": {')).status).toBe(400);
    expect((await post(eventsUrl, JSON.stringify({ content: { value: 'no name' } }))).status).toBe(400);
    expect((await post(eventsUrl, event({ deviceId: '999' }))).status).toBe(404);
    expect((await fetch(`${hardware.baseUrl}/health`)).status).toBe(200);
    expect((await post(eventsUrl, event({ value: '3.1' }))).status).toBe(201);
  });

  it('stores a resent event once, but a value that comes back is a new event', async () => {
    const values = ['on-1', 'on-1', 'off-1', 'on-1', 'on-1'];
    const statuses = [];
    for (const value of values)
      statuses.push(
        (await post(eventsUrl, event({ name: 'contact', value, descriptionText: `contact is ${value}` }))).status,
      );
    expect(statuses).toEqual([201, 200, 201, 201, 200]);
    const stored = await hardware.db.deviceEvent.findMany({
      where: { deviceId: sensor.id, name: 'contact' },
      orderBy: { receivedAt: 'asc' },
    });
    expect(stored.map((e) => e.value)).toEqual(['on-1', 'off-1', 'on-1']);
    // Each stored event is announced with the device's label, so the activity feed can name it.
    const announced = await hardware.db.outboxEvent.findMany({
      where: { type: 'DeviceEventReceived', aggregateId: sensor.id, payload: { path: ['name'], equals: 'contact' } },
      orderBy: { occurredAt: 'asc' },
    });
    expect(announced.map((e) => e.payload)).toEqual(
      stored.map((e) => expect.objectContaining({ eventId: e.id, deviceLabel: 'Cold Room Sensor', value: e.value })),
    );
  });

  it('stores the same event delivered five times at once exactly once', async () => {
    const body = event({ name: 'humidity', value: '55', unit: '%', descriptionText: 'humidity is 55%' });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => post(eventsUrl, body).then((r) => r.status)));
    expect(statuses.sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await hardware.db.deviceEvent.count({ where: { deviceId: sensor.id, name: 'humidity', value: '55' } })).toBe(
      1,
    );
  });

  it('stores a location mode event as the hub mode, once (a hub event)', async () => {
    const body = JSON.stringify({
      content: {
        name: 'mode',
        value: 'Night',
        displayName: 'Home',
        deviceId: null,
        descriptionText: 'Mode is Night',
        unit: null,
        type: null,
        data: null,
      },
    });
    expect((await post(eventsUrl, body)).status).toBe(201);
    expect((await post(eventsUrl, body)).status).toBe(200);
    expect((await hardware.db.hub.findFirstOrThrow()).mode).toBe('Night');
    expect(await hardware.db.hubEvent.count({ where: { kind: 'MODE', value: 'Night' } })).toBe(1);
  });

  it('refuses deep, oversized and blob-carrying bodies with 4xx, and stays up', async () => {
    // Built as text: JSON.stringify itself would overflow on it.
    const deep = event({ data: 'DEEP' }).replace('"DEEP"', `${'['.repeat(5_000)}1${']'.repeat(5_000)}`);
    expect((await post(eventsUrl, deep)).status).toBe(400);
    expect((await post(eventsUrl, event({ data: { button: 1, held: { twice: true } } }))).status).toBe(201);
    expect((await post(eventsUrl, event({ value: 'x'.repeat(900_000) }))).status).toBe(413);
    expect((await post(eventsUrl, event({ value: 'x'.repeat(5_000) }))).status).toBe(400);
    expect((await post(eventsUrl, event({ data: 'y'.repeat(10_000) }))).status).toBe(400);
    expect((await fetch(`${hardware.baseUrl}/health`)).status).toBe(200);
    expect(await hardware.db.deviceEvent.count({ where: { value: { startsWith: 'xxxx' } } })).toBe(0);
  });

  it('sheds a flood with 503 and Retry-After once the queue is full, and takes events again after it', async () => {
    const power = (value: string) => event({ name: 'power', value, unit: 'W', descriptionText: `power is ${value}` });
    // Warms the hub's secret cache, so the flood below reaches the queue without the database.
    expect((await post(eventsUrl, power('before'))).status).toBe(201);
    // The database is held up (a slow disk, a long query): stored events wait, the queue fills.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const lock = hardware.db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE "DeviceEvent" IN EXCLUSIVE MODE');
        await held;
      },
      { timeout: 60_000 },
    );
    const answers: { status: number; retryAfter: string | null }[] = [];
    const flood = Array.from({ length: 300 }, (_v, i) =>
      fetch(eventsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: power(String(i)),
      }).then((response) => answers.push({ status: response.status, retryAfter: response.headers.get('retry-after') })),
    );
    await eventually(async () => answers.some((answer) => answer.status === 503));
    release();
    await lock;
    await Promise.all(flood);

    const shed = answers.filter((answer) => answer.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(shed.every((answer) => answer.retryAfter === '1')).toBe(true);
    expect(answers.filter((answer) => answer.status !== 503 && answer.status !== 201)).toEqual([]);
    expect((await post(eventsUrl, power('after'))).status).toBe(201);
  });
});
