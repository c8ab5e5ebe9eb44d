import { describe, expect, it } from '@jest/globals';
import { bytes, took } from './format.ts';

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
