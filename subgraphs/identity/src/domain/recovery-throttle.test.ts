import { delayAfter } from './login-throttle.ts';
import { linkAttemptRule, resetRequestRules } from './recovery-throttle.ts';

describe('recovery throttle rules', () => {
  const rules = resetRequestRules('ann@example.test', '10.0.0.1', { resetsPerAccount: 3, resetsPerClient: 20 });

  it('keys reset requests by client address and by the address asked about, apart from login keys', () => {
    expect(rules.client.key).toBe('reset:ip:10.0.0.1');
    expect(rules.account.key).toBe('reset:email:ann@example.test');
    expect(resetRequestRules('a@b.c', null, { resetsPerAccount: 1, resetsPerClient: 1 }).client.key).toBe(
      'reset:ip:unknown',
    );
  });

  it('lets the configured number through, then waits a quarter hour, growing to an hour', () => {
    expect(delayAfter(rules.account, 2)).toBe(0);
    expect(delayAfter(rules.account, 3)).toBe(900);
    expect(delayAfter(rules.account, 4)).toBe(1800);
    expect(delayAfter(rules.account, 9)).toBe(3600);
    expect(delayAfter(rules.client, 19)).toBe(0);
    expect(delayAfter(rules.client, 20)).toBe(900);
  });

  it('counts wrong link tokens per client address', () => {
    expect(linkAttemptRule('::1').key).toBe('link:ip:::1');
    expect(delayAfter(linkAttemptRule('::1'), 29)).toBe(0);
    expect(delayAfter(linkAttemptRule('::1'), 30)).toBeGreaterThan(0);
  });
});
