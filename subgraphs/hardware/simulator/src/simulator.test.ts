import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, type Simulator } from './simulator.ts';

describe('Hubitat Maker API simulator', () => {
  let simulator: Simulator;
  let receiver: Server;
  let receiverUrl: string;
  const received: unknown[] = [];
  let failNext = 0;
  const api = (path: string, token = 'sim-token-123') =>
    fetch(`${simulator.url}/apps/api/1/${path}${path.includes('?') ? '&' : '?'}access_token=${token}`);

  beforeAll(async () => {
    receiver = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          return void res.writeHead(503).end();
        }
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
    simulator = await createSimulator({
      accessToken: 'sim-token-123',
      devices: ['dimmer', 'lock', 'thermostat'],
      delivery: { retryDelayMs: 10 },
    });
  });
  afterAll(async () => {
    await simulator.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('answers 401 without the right token and 404 for unknown devices', async () => {
    expect((await api('devices', 'wrong')).status).toBe(401);
    expect((await api('devices/99')).status).toBe(404);
    expect(await (await api('devices')).json()).toEqual([
      { id: '1', name: 'Generic Zigbee Dimmer', label: 'Kitchen Dimmer' },
      { id: '2', name: 'Generic Z-Wave Lock', label: 'Front Door Lock' },
      { id: '3', name: 'Generic Z-Wave Thermostat', label: 'Office Thermostat' },
    ]);
  });

  it('describes devices as the Maker API does', async () => {
    const [dimmer] = (await (await api('devices/all')).json()) as Record<string, unknown>[];
    expect(dimmer).toMatchObject({
      id: '1',
      type: 'Generic Zigbee Dimmer',
      attributes: { switch: 'off', level: '50' },
      commands: expect.arrayContaining([{ command: 'setLevel' }]),
    });
    expect(await (await api('devices/1/commands')).json()).toContainEqual({
      command: 'setLevel',
      type: ['NUMBER', 'NUMBER'],
    });
    expect(await (await api('devices/1/commands')).json()).toContainEqual({ command: 'on', type: ['n/a'] });
    expect(await (await api('devices/1/attribute/level')).json()).toEqual({ id: '1', attribute: 'level', value: '50' });
  });

  it('changes state on commands and POSTs each change to the postURL, retrying failed deliveries with the same body', async () => {
    expect((await api(`postURL/${encodeURIComponent(receiverUrl)}`)).status).toBe(200);
    failNext = 2;
    const answer = (await (await api('devices/1/setLevel/40')).json()) as {
      attributes: { name: string; currentValue: string }[];
    };
    expect(answer.attributes).toContainEqual({ name: 'level', currentValue: '40', dataType: 'NUMBER' });
    await api('devices/3/setHeatingSetpoint/21.5');
    await simulator.delivery.idle();
    expect(
      received.map((r) => (r as { content: { name: string; value: string } }).content).map((c) => [c.name, c.value]),
    ).toEqual([
      ['level', '40'],
      ['switch', 'on'],
      ['heatingSetpoint', '21.5'],
    ]);
    expect(received[0]).toEqual({
      content: {
        name: 'level',
        value: '40',
        displayName: 'Kitchen Dimmer',
        deviceId: '1',
        descriptionText: 'Kitchen Dimmer level is 40%',
        unit: '%',
        type: 'digital',
        data: null,
      },
    });
    expect(simulator.delivery.stats).toMatchObject({ delivered: 3, retried: 2, dropped: 0 });
    expect((await api('devices/1/setLevel/loud')).status).toBe(400);
    expect((await api('devices/2/fly')).status).toBe(400);
  });

  it('switches modes and HSM, clears the postURL, and goes silent while stopped', async () => {
    await api('modes/3');
    expect(
      ((await (await api('modes')).json()) as { name: string; active: boolean }[]).find((m) => m.active)!.name,
    ).toBe('Night');
    expect(await (await api('hsm/armAway')).json()).toEqual({ hsm: 'armedAway' });
    await api('postURL');
    expect(simulator.postUrl).toBeNull();
    await simulator.stop();
    await expect(fetch(`${simulator.url}/apps/api/1/devices?access_token=sim-token-123`)).rejects.toThrow();
    await simulator.start();
    expect((await api('devices')).status).toBe(200);
  });
});
