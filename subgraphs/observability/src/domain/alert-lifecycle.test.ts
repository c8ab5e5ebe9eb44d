import {
  evaluateCondition,
  nextStatuses,
  repeatDue,
  silenceMatches,
  summarize,
  type AlertRule,
} from './alert-lifecycle.ts';

const rule = (overrides: Partial<AlertRule> = {}): AlertRule => ({
  id: 'r1',
  name: 'down',
  kind: 'SERVICE_DOWN',
  target: null,
  thresholdMs: null,
  thresholdPercent: null,
  consecutiveChecks: 2,
  forSeconds: 0,
  enabled: true,
  ...overrides,
});
const service = (
  down: boolean,
  consecutiveFailures: number,
  recentLatenciesMs: (number | null)[] = [],
  { starting = false, downSinceMs = 0 } = {},
) =>
  ({
    kind: 'service',
    subject: 'stores',
    starting,
    down,
    downSinceMs,
    consecutiveFailures,
    recentLatenciesMs,
  }) as const;

describe('alert conditions', () => {
  it('sustains SERVICE_DOWN after N failed checks in a row', () => {
    expect(evaluateCondition(rule(), service(true, 1), 0)).toEqual({ breaching: true, sustained: false });
    expect(evaluateCondition(rule(), service(true, 2), 0)).toEqual({ breaching: true, sustained: true });
    expect(evaluateCondition(rule(), service(false, 0), 0)).toEqual({ breaching: false, sustained: false });
  });

  it('sustains SERVICE_DOWN with forSeconds once it has been down that long, and N checks in a row', () => {
    const minute = rule({ forSeconds: 60, consecutiveChecks: 1 });
    const downSince = (downSinceMs: number, failures = 4) => service(true, failures, [], { downSinceMs });
    expect(evaluateCondition(minute, downSince(1_000), 60_999)).toEqual({ breaching: true, sustained: false });
    expect(evaluateCondition(minute, downSince(1_000), 61_000)).toEqual({ breaching: true, sustained: true });
    expect(evaluateCondition(rule({ forSeconds: 60, consecutiveChecks: 5 }), downSince(0), 120_000)?.sustained).toBe(
      false,
    );
    expect(summarize(minute, 'stores')).toBe('stores has been down for 60 s or more');
    expect(summarize(rule(), 'stores')).toBe('stores is down (2 failed checks in a row)');
  });

  it('says nothing about a service that is still starting, whatever the rule', () => {
    const starting = service(false, 0, [null], { starting: true });
    expect(evaluateCondition(rule(), starting, 0)).toBeNull();
    expect(evaluateCondition(rule({ kind: 'LATENCY_ABOVE', thresholdMs: 1 }), starting, 0)).toBeNull();
  });

  it('sustains LATENCY_ABOVE when the last N checks, newest first, were all slow', () => {
    const slow = rule({ kind: 'LATENCY_ABOVE', thresholdMs: 100, consecutiveChecks: 3 });
    expect(evaluateCondition(slow, service(false, 0, [150, 120, 101]), 0)).toEqual({
      breaching: true,
      sustained: true,
    });
    expect(evaluateCondition(slow, service(false, 0, [150, 90, 101]), 0)).toEqual({
      breaching: true,
      sustained: false,
    });
    expect(evaluateCondition(slow, service(false, 0, [80, 120, 101]), 0)).toEqual({
      breaching: false,
      sustained: false,
    });
  });

  it('sustains time-based rules after forSeconds', () => {
    const open = rule({ kind: 'BREAKER_OPEN', forSeconds: 30 });
    expect(evaluateCondition(open, { kind: 'since', subject: 'b', active: true, sinceMs: 0 }, 29_999)?.sustained).toBe(
      false,
    );
    expect(evaluateCondition(open, { kind: 'since', subject: 'b', active: true, sinceMs: 0 }, 30_000)?.sustained).toBe(
      true,
    );
  });

  it('fires ERROR_RATE on the share of server errors within the window, given enough operations', () => {
    const errorRate = rule({ kind: 'ERROR_RATE', thresholdPercent: 20, forSeconds: 60 });
    const counters = (...samples: [number, number, number][]) =>
      ({
        kind: 'counters',
        subject: 'stores',
        samples: samples.map(([atMs, operations, serverErrors]) => ({ atMs, operations, serverErrors })),
      }) as const;
    const now = 100_000;
    // 30 of 100 operations in the window failed; the sample before the window does not count.
    expect(evaluateCondition(errorRate, counters([0, 0, 0], [50_000, 1_000, 10], [100_000, 1_100, 40]), now)).toEqual({
      breaching: true,
      sustained: true,
    });
    expect(evaluateCondition(errorRate, counters([50_000, 1_000, 10], [100_000, 1_100, 20]), now)).toEqual({
      breaching: false,
      sustained: false,
    });
    // 5 of 5 failed, but five operations say too little.
    expect(evaluateCondition(errorRate, counters([50_000, 0, 0], [100_000, 5, 5]), now)?.breaching).toBe(false);
  });
});

describe('alert lifecycle', () => {
  it('goes PENDING, then FIRING, then RESOLVED', () => {
    expect(nextStatuses(null, { breaching: true, sustained: false })).toEqual(['PENDING']);
    expect(nextStatuses('PENDING', { breaching: true, sustained: false })).toEqual([]);
    expect(nextStatuses('PENDING', { breaching: true, sustained: true })).toEqual(['FIRING']);
    expect(nextStatuses('FIRING', { breaching: true, sustained: true })).toEqual([]);
    expect(nextStatuses('FIRING', { breaching: false, sustained: false })).toEqual(['RESOLVED']);
  });

  it('passes through PENDING when first seen sustained, and opens a new alert after a resolved one', () => {
    expect(nextStatuses(null, { breaching: true, sustained: true })).toEqual(['PENDING', 'FIRING']);
    expect(nextStatuses('RESOLVED', { breaching: true, sustained: false })).toEqual(['PENDING']);
    expect(nextStatuses(null, { breaching: false, sustained: false })).toEqual([]);
  });

  it('leaves an alert as it is while its condition is unknown', () => {
    expect(nextStatuses('FIRING', null)).toEqual([]);
    expect(nextStatuses('PENDING', null)).toEqual([]);
    expect(nextStatuses(null, null)).toEqual([]);
  });
});

describe('silences', () => {
  it('match a rule name, a subject or rule:subject, with * as a wildcard', () => {
    expect(silenceMatches('down', 'down', 'stores')).toBe(true);
    expect(silenceMatches('stores', 'down', 'stores')).toBe(true);
    expect(silenceMatches('down:sto*', 'down', 'stores')).toBe(true);
    expect(silenceMatches('*', 'down', 'stores')).toBe(true);
    expect(silenceMatches('down:identity', 'down', 'stores')).toBe(false);
    expect(silenceMatches('st.res', 'down', 'stores')).toBe(false);
  });
});

describe('repeatDue', () => {
  const firedAt = new Date('2026-12-07T10:00:00Z');
  const firing = { status: 'FIRING' as const, silenced: false, acknowledgedAt: null, firedAt, lastNotifiedAt: firedAt };
  const at = (seconds: number) => new Date(firedAt.getTime() + seconds * 1000);
  it('reminds of a firing alert every interval since its last notification', () => {
    expect(repeatDue({ repeatIntervalSeconds: 600 }, firing, false, at(599))).toBe(false);
    expect(repeatDue({ repeatIntervalSeconds: 600 }, firing, false, at(600))).toBe(true);
    expect(repeatDue({ repeatIntervalSeconds: 600 }, { ...firing, lastNotifiedAt: at(600) }, false, at(900))).toBe(
      false,
    );
  });
  it('never without an interval, nor for acknowledged, silenced or resolved alerts', () => {
    expect(repeatDue({ repeatIntervalSeconds: null }, firing, false, at(9999))).toBe(false);
    expect(repeatDue({ repeatIntervalSeconds: 60 }, { ...firing, acknowledgedAt: at(1) }, false, at(999))).toBe(false);
    expect(repeatDue({ repeatIntervalSeconds: 60 }, firing, true, at(999))).toBe(false);
    expect(repeatDue({ repeatIntervalSeconds: 60 }, { ...firing, status: 'RESOLVED' }, false, at(999))).toBe(false);
  });
});
