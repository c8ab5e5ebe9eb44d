import {
  certificateExpiring,
  dnsAnswerTexts,
  dnsProblem,
  httpProblem,
  jsonPathValue,
  monitorHealth,
  monitorIdOf,
  monitorSubject,
  pushOverdue,
  pushToken,
  pushTokenHash,
} from './monitor.ts';
import { DEFAULT_HTTP_SETTINGS } from './monitor-input.ts';

describe('monitor rules', () => {
  it('names a monitor monitor:<id> and reads the id back', () => {
    expect(monitorSubject('abc')).toBe('monitor:abc');
    expect(monitorIdOf('monitor:abc')).toBe('abc');
    expect(monitorIdOf('hub:abc')).toBeNull();
  });

  it('reads a JSON path with or without $, dots and indexes', () => {
    const document = { status: 'ok', db: { up: true }, items: [{ name: 'a' }, { name: 'b' }] };
    expect(jsonPathValue(document, '$.status')).toBe('ok');
    expect(jsonPathValue(document, 'db.up')).toBe(true);
    expect(jsonPathValue(document, '$.items[1].name')).toBe('b');
    expect(jsonPathValue(document, 'missing.deep')).toBeUndefined();
    expect(jsonPathValue([1, 2], '$[1]')).toBe(2);
  });

  it('checks an HTTP answer: status range, keyword, JSON value', () => {
    const settings = { ...DEFAULT_HTTP_SETTINGS, keyword: 'Open' };
    expect(httpProblem(settings, { status: 200, body: 'We are Open' })).toBeNull();
    expect(httpProblem(settings, { status: 200, body: 'We are closed' })).toMatch(/keyword/);
    expect(httpProblem(settings, { status: 503, body: 'Open' })).toMatch(/HTTP 503/);
    const json = { ...DEFAULT_HTTP_SETTINGS, jsonPath: '$.db.up', jsonExpected: 'true' };
    expect(httpProblem(json, { status: 200, body: '{"db":{"up":true}}' })).toBeNull();
    expect(httpProblem(json, { status: 200, body: '{"db":{"up":false}}' })).toMatch(/expected true/);
    expect(httpProblem(json, { status: 200, body: 'not json' })).toMatch(/not JSON/);
  });

  it('checks DNS answers against the expected value, whatever the record type', () => {
    expect(dnsAnswerTexts('MX', [{ exchange: 'mail.example.com', priority: 10 }])).toEqual(['mail.example.com']);
    expect(dnsAnswerTexts('TXT', [['v=spf1 ', '-all']])).toEqual(['v=spf1 -all']);
    expect(dnsProblem(['192.0.2.1', '192.0.2.2'], '192.0.2.2')).toBeNull();
    expect(dnsProblem(['Mail.Example.com.'], 'mail.example.com')).toBeNull();
    expect(dnsProblem(['192.0.2.1'], '192.0.2.9')).toMatch(/expected 192.0.2.9/);
    expect(dnsProblem([], null)).toBe('no answer');
  });

  it('counts a monitor DOWN only after its retries failed', () => {
    expect(monitorHealth(false, 1, 0, 'UP')).toBe('DOWN');
    expect(monitorHealth(false, 1, 2, 'UP')).toBe('DEGRADED');
    expect(monitorHealth(false, 2, 2, 'DEGRADED')).toBe('DEGRADED');
    expect(monitorHealth(false, 3, 2, 'DEGRADED')).toBe('DOWN');
    expect(monitorHealth(false, 1, 2, 'DOWN')).toBe('DOWN');
    expect(monitorHealth(true, 0, 2, 'DOWN')).toBe('UP');
  });

  it('is overdue without a push within the interval since the last push or its creation', () => {
    const created = new Date('2026-12-07T10:00:00Z');
    const at = (s: number) => new Date(created.getTime() + s * 1000);
    expect(pushOverdue(null, created, 30, at(29))).toBe(false);
    expect(pushOverdue(null, created, 30, at(31))).toBe(true);
    expect(pushOverdue(at(20), created, 30, at(45))).toBe(false);
    expect(pushOverdue(at(20), created, 30, at(51))).toBe(true);
  });

  it('warns of a certificate within its days', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);
    expect(certificateExpiring(inDays(10), 14, now)).toBe(true);
    expect(certificateExpiring(inDays(20), 14, now)).toBe(false);
    expect(certificateExpiring(inDays(10), null, now)).toBe(false);
    expect(certificateExpiring(null, 14, now)).toBe(false);
  });

  it('derives a push token per monitor and generation, stored as its sha-256', () => {
    const token = pushToken('s'.repeat(32), 'id-1', 0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(pushToken('s'.repeat(32), 'id-1', 1)).not.toBe(token);
    expect(pushToken('s'.repeat(32), 'id-2', 0)).not.toBe(token);
    expect(pushTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
