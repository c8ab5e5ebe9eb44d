import { createRateLimiter } from './push-route.ts';

describe('push rate limit', () => {
  it('lets a token through so many times a minute, then again in the next minute', () => {
    let now = 0;
    const allow = createRateLimiter(3, () => now);
    expect([1, 2, 3, 4].map(() => allow('a'))).toEqual([true, true, true, false]);
    expect(allow('b')).toBe(true);
    now = 60_000;
    expect(allow('a')).toBe(true);
  });
});
