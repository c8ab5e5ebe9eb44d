import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Monitor } from '../domain/monitor.ts';
import { DEFAULT_HTTP_SETTINGS } from '../domain/monitor-input.ts';
import {
  createOutboundPolicy,
  dnsCheck,
  httpCheck,
  isNeverAllowed,
  ownEndpointsOf,
  pingCheck,
  tcpCheck,
  type DnsResolver,
} from './monitor-checks.ts';

const monitor = (fields: Partial<Monitor>): Monitor => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'test',
  kind: 'HTTP',
  storeId: null,
  target: null,
  port: null,
  http: null,
  dnsRecordType: null,
  dnsExpected: null,
  intervalSeconds: 30,
  timeoutMs: 2000,
  retries: 0,
  enabled: true,
  pushTokenHash: null,
  pushGeneration: 0,
  lastPushAt: null,
  certificateExpiresAt: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...fields,
});
const signal = () => AbortSignal.timeout(2000);
const listen = async (server: Server | ReturnType<typeof createTcpServer>) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const policy = createOutboundPolicy([]);

describe('monitor checkers', () => {
  let body = 'Status: Open';
  const servers: { close(): void; closeAllConnections?: () => void }[] = [];
  let httpPort = 0;
  let httpsPort = 0;
  let tls: { key: string; cert: string };
  const dir = mkdtempSync(path.join(tmpdir(), 'monitor-tls-'));

  beforeAll(async () => {
    const http = createHttpServer((req, res) => {
      if (req.url === '/redirect') return void res.writeHead(302, { location: '/' }).end();
      if (req.url === '/json')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"db":{"up":true}}');
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 3000);
      res.end(body);
    });
    servers.push(http);
    httpPort = await listen(http);
    // A self-signed certificate that expires in 10 days, as a shop device might have.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '10',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    tls = {
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
    const https = createHttpsServer(tls, (_req, res) => res.end('secure Open'));
    servers.push(https);
    httpsPort = await listen(https);
  });
  afterAll(() => {
    for (const server of servers) {
      server.close();
      server.closeAllConnections?.();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const httpMonitor = (url: string, settings: Partial<typeof DEFAULT_HTTP_SETTINGS> = {}) =>
    monitor({ kind: 'HTTP', target: url, http: { ...DEFAULT_HTTP_SETTINGS, ...settings } });

  it('finds the keyword, and fails when it disappears', async () => {
    const m = httpMonitor(`http://127.0.0.1:${httpPort}/`, { keyword: 'Open' });
    body = 'Status: Open';
    expect(await httpCheck(m, policy, signal())).toMatchObject({ ok: true, error: null });
    body = 'Status: closed';
    expect(await httpCheck(m, policy, signal())).toMatchObject({ ok: false, error: 'keyword "Open" not found' });
  });

  it('follows redirects unless told not to, and checks a JSON value', async () => {
    body = 'Open';
    const url = `http://127.0.0.1:${httpPort}/redirect`;
    expect((await httpCheck(httpMonitor(url, { keyword: 'Open' }), policy, signal())).ok).toBe(true);
    const noFollow = await httpCheck(httpMonitor(url, { followRedirects: false }), policy, signal());
    expect(noFollow).toMatchObject({ ok: false, error: 'HTTP 302, expected 200–299' });
    const json = httpMonitor(`http://127.0.0.1:${httpPort}/json`, { jsonPath: '$.db.up', jsonExpected: 'true' });
    expect((await httpCheck(json, policy, signal())).ok).toBe(true);
  });

  it('times out', async () => {
    const m = monitor({ ...httpMonitor(`http://127.0.0.1:${httpPort}/slow`), timeoutMs: 300 });
    const result = await httpCheck(m, policy, AbortSignal.timeout(300));
    expect(result).toMatchObject({ ok: false, error: 'timed out after 300 ms' });
  });

  it("reads a self-signed certificate's expiry with ignoreTls, and refuses it without", async () => {
    const url = `https://127.0.0.1:${httpsPort}/`;
    const ignored = await httpCheck(httpMonitor(url, { ignoreTls: true, keyword: 'Open' }), policy, signal());
    expect(ignored.ok).toBe(true);
    const days = (ignored.certificateExpiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(9);
    expect(days).toBeLessThanOrEqual(10);
    const verified = await httpCheck(httpMonitor(url), policy, signal());
    expect(verified.ok).toBe(false);
    expect(verified.error).toMatch(/self[- ]signed/i);
  });

  it('connects over TCP, and fails on a closed port', async () => {
    const server = createTcpServer((socket) => socket.end());
    servers.push(server);
    const port = await listen(server);
    expect((await tcpCheck(monitor({ kind: 'TCP', target: '127.0.0.1', port }), policy, signal())).ok).toBe(true);
    server.close();
    const closed = await tcpCheck(monitor({ kind: 'TCP', target: '127.0.0.1', port }), policy, signal());
    expect(closed).toMatchObject({ ok: false });
    expect(closed.error).toMatch(/ECONNREFUSED/);
  });

  it('pings by TCP where ICMP is not available: a refused port is an answer', async () => {
    const result = await pingCheck(monitor({ kind: 'PING', target: '127.0.0.1' }), policy, signal(), 'tcp');
    expect(result.ok).toBe(true);
  });

  it('resolves DNS records and compares the expected value', async () => {
    const resolver = {
      resolve4: async (name: string) => (name === 'shop.example' ? ['192.0.2.10'] : []),
      resolveMx: async () => [{ exchange: 'mx.shop.example', priority: 10 }],
      cancel: () => undefined,
    } as unknown as DnsResolver;
    const a = monitor({ kind: 'DNS', target: 'shop.example', dnsRecordType: 'A', dnsExpected: '192.0.2.10' });
    expect((await dnsCheck(a, signal(), resolver)).ok).toBe(true);
    const wrong = await dnsCheck({ ...a, dnsExpected: '192.0.2.99' }, signal(), resolver);
    expect(wrong).toMatchObject({ ok: false, error: 'expected 192.0.2.99, got 192.0.2.10' });
    const mx = monitor({ kind: 'DNS', target: 'shop.example', dnsRecordType: 'MX', dnsExpected: 'mx.shop.example' });
    expect((await dnsCheck(mx, signal(), resolver)).ok).toBe(true);
    expect((await dnsCheck({ ...a, target: 'other.example' }, signal(), resolver)).error).toBe('no answer');
  });

  it('never reaches link-local or metadata addresses, nor the system its own services', async () => {
    expect(isNeverAllowed('169.254.169.254')).toBe(true);
    expect(isNeverAllowed('::ffff:169.254.169.254')).toBe(true);
    expect(isNeverAllowed('fe80::1')).toBe(true);
    expect(isNeverAllowed('192.168.1.20')).toBe(false);
    await expect(policy.resolve('169.254.169.254', 80)).rejects.toThrow(/link-local/);
    const own = createOutboundPolicy(ownEndpointsOf(['http://127.0.0.1:4000/graphql', 'postgres://localhost/db']));
    await expect(own.resolve('127.0.0.1', 4000)).rejects.toThrow(/own services/);
    await expect(own.resolve('localhost', 5432)).rejects.toThrow(/own services/);
    await expect(own.resolve('127.0.0.1', 4001)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(own.resolve('192.168.1.20', 4000)).resolves.toMatchObject({ address: '192.168.1.20' });
    const metadata = await httpCheck(httpMonitor('http://169.254.169.254/latest/meta-data'), policy, signal());
    expect(metadata).toMatchObject({ ok: false });
  });
});
