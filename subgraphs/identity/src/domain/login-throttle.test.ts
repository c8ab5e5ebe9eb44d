import { delayAfter, throttleRules } from './login-throttle.ts';

describe('login throttle rules', () => {
  const policy = { maxFailures: 5, lockSeconds: 900 };

  it('counts per account from this address, and per address with four times the limit; never per account alone', () => {
    const rules = throttleRules('ann@example.test', { clientIp: '198.51.100.7', knownDevice: null }, policy);
    expect(rules.map((r) => [r.key, r.freeAttempts])).toEqual([
      ['email:ann@example.test|ip:198.51.100.7', 5],
      ['ip:198.51.100.7', 20],
    ]);
  });

  it('counts a known device on its own, apart from its address', () => {
    const rules = throttleRules('ann@example.test', { clientIp: '198.51.100.7', knownDevice: 'abc' }, policy);
    expect(rules.map((r) => r.key)).toEqual(['email:ann@example.test|device:abc']);
  });

  it('waits progressively per account, up to the lock time, and the full lock time per address', () => {
    const [account, address] = throttleRules('ann@example.test', { clientIp: '1.2.3.4', knownDevice: null }, policy);
    expect([1, 4, 5, 6, 7, 10, 14, 15, 100].map((n) => delayAfter(account!, n))).toEqual([
      0, 0, 1, 2, 4, 32, 512, 900, 900,
    ]);
    expect([19, 20, 21].map((n) => delayAfter(address!, n))).toEqual([0, 900, 900]);
  });
});
