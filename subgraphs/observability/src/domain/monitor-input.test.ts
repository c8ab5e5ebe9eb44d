import { monitorSettings, type MonitorInputValues } from './monitor-input.ts';

const parse = (input: MonitorInputValues, current = null) => monitorSettings(input, current, 20);
const issuePath = (input: MonitorInputValues) => {
  const result = parse(input);
  return result.success ? null : result.error.issues[0]!.path.join('.');
};

describe('monitor settings', () => {
  it('fills the defaults of an HTTP monitor', () => {
    const result = parse({ name: 'Shop', kind: 'HTTP', target: 'https://shop.example.com' });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      intervalSeconds: 60,
      timeoutMs: 10_000,
      retries: 1,
      enabled: true,
      http: { method: 'GET', expectedStatusMin: 200, expectedStatusMax: 299, followRedirects: true, ignoreTls: false },
    });
  });

  it('names the field of each problem', () => {
    expect(issuePath({ name: 'x', kind: 'HTTP', target: 'ftp://x' })).toBe('target');
    expect(issuePath({ name: 'x', kind: 'HTTP' })).toBe('target');
    expect(issuePath({ name: 'x', kind: 'TCP', target: 'pos.local' })).toBe('port');
    expect(
      issuePath({
        name: 'x',
        kind: 'HTTP',
        target: 'http://x',
        http: { expectedStatusMin: 300, expectedStatusMax: 200 },
      }),
    ).toBe('http.expectedStatusMax');
    expect(issuePath({ name: 'x', kind: 'HTTP', target: 'http://x', http: { jsonPath: '$.a' } })).toBe(
      'http.jsonExpected',
    );
    expect(issuePath({ name: 'x', kind: 'PUSH', intervalSeconds: 5 })).toBe('intervalSeconds');
    expect(issuePath({ name: 'x', kind: 'PUSH', intervalSeconds: 30, timeoutMs: 30_000 })).toBe('timeoutMs');
    expect(issuePath({ name: '', kind: 'PUSH' })).toBe('name');
    expect(issuePath({ name: 'x', kind: 'DNS', target: 'example.com', dnsRecordType: 'SRV' })).toBe('dnsRecordType');
    expect(issuePath({ name: 'x', kind: 'PING', target: 'bad host!' })).toBe('target');
  });

  it('keeps only the fields of its kind and applies an update over the current settings', () => {
    const push = parse({ name: 'Cron', kind: 'PUSH', target: 'ignored', port: 80, intervalSeconds: 20 });
    expect(push.data).toMatchObject({ target: null, port: null, http: null, timeoutMs: 10_000 });
    const current = parse({ name: 'Shop', kind: 'HTTP', target: 'http://a', http: { keyword: 'Open' } }).data!;
    const updated = monitorSettings({ http: { keyword: null, method: 'HEAD' }, retries: 3 }, current as never, 20);
    expect(updated.data).toMatchObject({ name: 'Shop', retries: 3, http: { keyword: null, method: 'HEAD' } });
    // The kind cannot change with an update.
    expect(monitorSettings({ kind: 'TCP' }, current as never, 20).data?.kind).toBe('HTTP');
  });
});
