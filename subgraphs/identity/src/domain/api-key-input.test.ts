import { parseInput } from '@switchyard/shared';
import { DEFAULT_ROTATION_GRACE_SECONDS, expiresAtSchema, rotationGraceSchema } from './api-key-input.ts';

describe('API key input', () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it('takes an expiry in the future or none, and refuses one in the past as a field error', () => {
    const schema = expiresAtSchema(() => now);
    expect(parseInput(schema, new Date('2026-12-08T00:00:00Z'), 'expiresAt')).toEqual(new Date('2026-12-08T00:00:00Z'));
    expect(parseInput(schema, null, 'expiresAt')).toBeNull();
    expect(() => parseInput(schema, now, 'expiresAt')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'expiresAt' }) }),
    );
  });

  it('defaults the grace period to a day and bounds it to a week', () => {
    expect(parseInput(rotationGraceSchema, null)).toBe(DEFAULT_ROTATION_GRACE_SECONDS);
    expect(parseInput(rotationGraceSchema, 0)).toBe(0);
    expect(parseInput(rotationGraceSchema, 604_800)).toBe(604_800);
    expect(() => parseInput(rotationGraceSchema, 604_801, 'gracePeriodSeconds')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'gracePeriodSeconds' }) }),
    );
    expect(() => parseInput(rotationGraceSchema, -1, 'gracePeriodSeconds')).toThrow();
  });
});
