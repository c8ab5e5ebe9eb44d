import { describe, expect, it } from '@jest/globals';
import { endOfDay, keyState, timeLeft } from './expiry.ts';

const now = Date.parse('2026-12-07T12:00:00Z');
const inDays = (days: number) => new Date(now + days * 86_400_000).toISOString();

describe('API key expiry', () => {
  it('tells revoked, expired, expiring (within 7 days) and active keys apart', () => {
    expect(keyState({ revokedAt: inDays(-1), expiresAt: inDays(1) }, now)).toBe('revoked');
    expect(keyState({ expiresAt: inDays(-0.001) }, now)).toBe('expired');
    expect(keyState({ expiresAt: inDays(6.9) }, now)).toBe('expiring');
    expect(keyState({ expiresAt: inDays(7) }, now)).toBe('expiring');
    expect(keyState({ expiresAt: inDays(8) }, now)).toBe('active');
    expect(keyState({ expiresAt: null }, now)).toBe('active');
  });

  it('says how soon a key stops', () => {
    expect(timeLeft(inDays(3.5), now)).toBe('in 3 days');
    expect(timeLeft(inDays(1), now)).toBe('in 1 day');
    expect(timeLeft(inDays(5 / 24), now)).toBe('in 5 hours');
    expect(timeLeft(new Date(now + 30_000).toISOString(), now)).toBe('in 1 minute');
  });

  it('makes a chosen day last until its end', () => {
    const end = new Date(endOfDay('2026-12-31')!);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours()]).toEqual([2026, 11, 31, 23]);
    expect(endOfDay('soon')).toBeNull();
  });
});
