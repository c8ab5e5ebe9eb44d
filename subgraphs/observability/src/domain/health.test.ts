import { healthOf } from './health.ts';

describe('service health', () => {
  it('is DOWN on a failed check, DEGRADED when slow, UP otherwise', () => {
    expect(healthOf({ ok: false, latencyMs: 5, error: 'refused' }, 1000)).toBe('DOWN');
    expect(healthOf({ ok: true, latencyMs: 1001, error: null }, 1000)).toBe('DEGRADED');
    expect(healthOf({ ok: true, latencyMs: 1000, error: null }, 1000)).toBe('UP');
    expect(healthOf({ ok: true, latencyMs: null, error: null }, 1000)).toBe('UP');
  });
});
