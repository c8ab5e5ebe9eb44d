import { describe, expect, it } from '@jest/globals';
import { bytes, retention, took } from './format.ts';

describe('bytes', () => {
  it.each([
    [null, '—'],
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [23_383_000, '22.3 MiB'],
    [150 * 1024 * 1024, '150 MiB'],
    [3 * 1024 ** 3, '3.0 GiB'],
    [5 * 1024 ** 5, '5120 TiB'],
  ])('%s bytes read as %s', (value, text) => {
    expect(bytes(value)).toBe(text);
  });
});

describe('took', () => {
  const start = '2026-12-06T03:00:00.000Z';
  it('is empty while a backup runs', () => expect(took(start, null)).toBe(''));
  it.each([
    ['2026-12-06T03:00:00.850Z', '850 ms'],
    ['2026-12-06T03:00:12.400Z', '12 s'],
    ['2026-12-06T03:03:05.000Z', '3 min 5 s'],
  ])('until %s is %s', (end, text) => expect(took(start, end)).toBe(text));
});

describe('retention', () => {
  it.each([
    [{ keepLast: 0, keepDaily: 7, keepWeekly: 4 }, 'the newest of each of the last 7 days and 4 weeks'],
    [{ keepLast: 3, keepDaily: 0, keepWeekly: 0 }, 'the newest 3'],
    [{ keepLast: 2, keepDaily: 1, keepWeekly: 0 }, 'the newest 2, and the newest of each of the last 1 day'],
    [{ keepLast: 0, keepDaily: 0, keepWeekly: 1 }, 'the newest of each of the last 1 week'],
  ])('%j reads "%s"', (policy, text) => expect(retention(policy)).toBe(text));
});
