import { createStartupTracker, healthOf } from './health.ts';

const up = { ok: true, latencyMs: 5, error: null };
const failed = { ok: false, latencyMs: 5, error: 'refused' };

describe('service health', () => {
  it('is DOWN on a failed check, DEGRADED when slow, UP otherwise', () => {
    expect(healthOf(failed, 1000)).toBe('DOWN');
    expect(healthOf({ ok: true, latencyMs: 1001, error: null }, 1000)).toBe('DEGRADED');
    expect(healthOf({ ok: true, latencyMs: 1000, error: null }, 1000)).toBe('UP');
    expect(healthOf({ ok: true, latencyMs: null, error: null }, 1000)).toBe('UP');
  });

  it('is STARTING instead of DOWN while the target is starting, never instead of UP', () => {
    expect(healthOf(failed, 1000, true)).toBe('STARTING');
    expect(healthOf(up, 1000, true)).toBe('UP');
  });
});

describe('start-up grace', () => {
  const GRACE_MS = 60_000;

  it('counts failures before the first success as starting, within the grace period only', () => {
    const tracker = createStartupTracker(1_000, GRACE_MS);
    expect(tracker.starting('gateway', failed, 1_000)).toBe(true);
    expect(tracker.starting('gateway', failed, 60_999)).toBe(true);
    expect(tracker.starting('gateway', failed, 61_000)).toBe(false);
  });

  it('counts every failure after the first success as down, even within the grace period', () => {
    const tracker = createStartupTracker(0, GRACE_MS);
    expect(tracker.starting('stores', failed, 1_000)).toBe(true);
    expect(tracker.starting('stores', up, 2_000)).toBe(false);
    expect(tracker.starting('stores', failed, 3_000)).toBe(false);
    // Each target for itself: another one that never answered is still starting.
    expect(tracker.starting('meals', failed, 3_000)).toBe(true);
  });

  it('has no grace at all with a period of 0', () => {
    expect(createStartupTracker(0, 0).starting('stores', failed, 0)).toBe(false);
  });
});
