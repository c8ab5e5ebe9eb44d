import { describe, expect, it } from '@jest/globals';
import {
  blankMonitor,
  certificateState,
  createInput,
  fieldsOf,
  monitorInput,
  monitorProblems,
  targetSummary,
  type MonitorValues,
} from './monitor-form.ts';

const http = (changes: Partial<MonitorValues> = {}, httpChanges: Partial<MonitorValues['http']> = {}) => {
  const blank = blankMonitor();
  return {
    ...blank,
    name: 'Shop',
    target: 'https://shop.example.com/health',
    ...changes,
    http: { ...blank.http, ...httpChanges },
  };
};
const problemsOf = (values: MonitorValues) =>
  Object.fromEntries(Object.entries(monitorProblems(values)).filter(([, problem]) => problem));

describe('monitor form checks', () => {
  it('passes a complete HTTP monitor and names each broken field', () => {
    expect(problemsOf(http())).toEqual({});
    expect(Object.keys(problemsOf(http({ name: ' ', target: 'ftp://x' })))).toEqual(['name', 'target']);
    expect(problemsOf(http({ target: 'not a url' })).target).toMatch(/http/);
    expect(problemsOf(http({}, { expectedStatusMin: 300, expectedStatusMax: 200 }))).toEqual({
      'http.expectedStatusMax': 'Must not be below the lowest accepted status',
    });
    expect(Object.keys(problemsOf(http({}, { jsonPath: '$.status' })))).toEqual(['http.jsonExpected']);
    expect(Object.keys(problemsOf(http({}, { certificateExpiryDays: 0 })))).toEqual(['http.certificateExpiryDays']);
    expect(problemsOf(http({}, { certificateExpiryDays: null }))).toEqual({});
  });

  it('keeps the timeout below the interval and leaves the interval’s minimum to the server', () => {
    expect(problemsOf(http({ intervalSeconds: 5, timeoutMs: 5000 }))).toEqual({
      timeoutMs: 'Must be shorter than the interval',
    });
    expect(problemsOf(http({ intervalSeconds: 2, timeoutMs: 1000 }))).toEqual({});
    expect(Object.keys(problemsOf(http({ intervalSeconds: null, retries: 11 })))).toEqual([
      'intervalSeconds',
      'retries',
    ]);
  });

  it('checks only the chosen kind’s fields', () => {
    const tcp = { ...blankMonitor(), name: 'Printer', kind: 'TCP' as const, target: 'http://printer' };
    expect(Object.keys(problemsOf(tcp))).toEqual(['target', 'port']);
    expect(problemsOf({ ...tcp, target: 'printer.local', port: 9100 })).toEqual({});
    expect(problemsOf({ ...blankMonitor(), name: 'Backup job', kind: 'PUSH' })).toEqual({});
    expect(fieldsOf('PUSH')).not.toContain('target');
    expect(fieldsOf('DNS')).toEqual(expect.arrayContaining(['target', 'dnsRecordType', 'dnsExpected']));
  });
});

describe('monitor input', () => {
  it('sends the kind’s own fields, an emptied text as null', () => {
    const input = createInput(http({ storeId: '' }, { keyword: 'Welcome', jsonPath: ' ' }));
    expect(input).toMatchObject({
      name: 'Shop',
      kind: 'HTTP',
      storeId: null,
      target: 'https://shop.example.com/health',
    });
    expect(input.http).toMatchObject({ keyword: 'Welcome', jsonPath: null, expectedStatusMin: 200 });
    expect(input).not.toHaveProperty('port');
    const push = monitorInput({ ...blankMonitor('store-1'), name: 'Job', kind: 'PUSH', target: 'left over' });
    expect(push).toMatchObject({ storeId: 'store-1', target: null });
    expect(push).not.toHaveProperty('http');
  });
});

describe('monitor display', () => {
  it('summarises the target and tells an expiring certificate', () => {
    const base = { target: 'printer.local', port: 9100, dnsRecordType: null, http: null };
    expect(targetSummary({ ...base, kind: 'TCP' })).toBe('printer.local:9100');
    expect(targetSummary({ ...base, kind: 'DNS', target: 'shop.example.com', dnsRecordType: 'MX' })).toBe(
      'MX shop.example.com',
    );
    const now = Date.parse('2026-12-07T12:00:00Z');
    const inDays = (days: number) => new Date(now + days * 86_400_000).toISOString();
    expect(certificateState(inDays(10), 14, now)).toBe('expiring');
    expect(certificateState(inDays(20), 14, now)).toBe('ok');
    expect(certificateState(inDays(1), null, now)).toBe('ok');
    expect(certificateState(inDays(-1), 14, now)).toBe('expired');
    expect(certificateState(null, 14, now)).toBeNull();
  });
});
