import { describe, expect, it } from '@jest/globals';
import { dayToInstant, detailFacts, isEventType } from './format.ts';

describe('security log formatting', () => {
  it('shows a detail as facts without ids, and lists as comma-separated values', () => {
    expect(detailFacts(JSON.stringify({ to: 'OPERATOR', from: 'VIEWER' }))).toEqual(['from: VIEWER', 'to: OPERATOR']);
    expect(detailFacts(JSON.stringify({ apiKeyId: 'k', name: 'sync', scopes: ['a', 'b'], expiresAt: null }))).toEqual([
      'name: sync',
      'scopes: a, b',
    ]);
    expect(detailFacts(null)).toEqual([]);
    expect(detailFacts('not json')).toEqual(['not json']);
  });

  it('turns a day into the instants it starts and ends at, and ignores anything else', () => {
    const start = dayToInstant('2026-12-07')!;
    const end = dayToInstant('2026-12-07', true)!;
    expect(Date.parse(end) - Date.parse(start)).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(dayToInstant('yesterday')).toBeNull();
    expect(dayToInstant(null)).toBeNull();
  });

  it('knows the event types', () => {
    expect(isEventType('ROLE_CHANGED')).toBe(true);
    expect(isEventType('DROP TABLE')).toBe(false);
  });
});
