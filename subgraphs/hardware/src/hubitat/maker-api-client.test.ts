import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HubRequestError, redactUrl } from './hub-request-error.ts';
import { createMakerApiClient } from './maker-api-client.ts';
import { deviceCommandsSchema, devicesAllSchema } from './maker-api-schemas.ts';

const TOKEN = 'a1b2c3d4-secret-token';

describe('Maker API client', () => {
  let server: Server;
  let baseUrl: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url!);
      if (req.url!.includes('devices/500')) return void res.writeHead(500).end();
      if (req.url!.includes('devices/garbage')) return void res.writeHead(200).end('<html>');
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const client = () => createMakerApiClient({ baseUrl, appId: '12', accessToken: TOKEN });
  const signal = () => AbortSignal.timeout(2_000);

  it('builds Maker API URLs with the token and comma-separated secondary values', async () => {
    await client().sendCommand('5', 'setColorTemperature', ['2700', '80'], signal());
    await client().subscribe('http://me:4003/hubitat/events/h/s', signal());
    expect(seen.slice(-2)).toEqual([
      `/apps/api/12/devices/5/setColorTemperature/2700,80?access_token=${TOKEN}`,
      `/apps/api/12/postURL/${encodeURIComponent('http://me:4003/hubitat/events/h/s')}?access_token=${TOKEN}`,
    ]);
  });

  it('classifies failures without ever putting the token in a message', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failed = (call: Promise<unknown>) =>
      call.then(
        () => Promise.reject(new Error('expected a failure')),
        (error: HubRequestError) => error,
      );
    const failures = await Promise.all([
      failed(client().sendCommand('500', 'on', [], signal())),
      failed(client().deviceCommands('garbage', signal())),
      failed(
        createMakerApiClient({ baseUrl: `http://127.0.0.1:${closedPort}`, appId: '12', accessToken: TOKEN }).devicesAll(
          signal(),
        ),
      ),
    ]);
    expect(failures.map((f) => [f.failure, f.errno])).toEqual([
      ['server', null],
      ['bad-response', null],
      ['connection', 'ECONNREFUSED'],
    ]);
    for (const failure of failures) expect(`${failure.message} ${failure.stack}`).not.toContain(TOKEN);
    expect(redactUrl(`http://hub/apps/api/1/devices?x=1&access_token=${TOKEN}`)).toBe(
      'http://hub/apps/api/1/devices?x=1&access_token=REDACTED',
    );
  });

  it('reads both command list formats and skips capability descriptors', () => {
    const [device] = devicesAllSchema.parse([
      {
        id: 7,
        name: 'Dimmer',
        label: null,
        type: 'Virtual Dimmer',
        capabilities: ['Switch', { attributes: [{ name: 'switch' }] }],
        attributes: { level: 40, switch: 'on' },
        commands: ['on', { command: 'off' }],
      },
    ]);
    expect(device).toMatchObject({
      id: '7',
      capabilities: ['Switch'],
      attributes: { level: '40', switch: 'on' },
      commands: [{ name: 'on' }, { name: 'off' }],
    });
    expect(
      deviceCommandsSchema.parse([
        { command: 'on', type: ['n/a'] },
        { command: 'setLevel', type: ['NUMBER', 'NUMBER'] },
      ]),
    ).toEqual([
      { name: 'on', arguments: [] },
      { name: 'setLevel', arguments: ['NUMBER', 'NUMBER'] },
    ]);
  });
});
