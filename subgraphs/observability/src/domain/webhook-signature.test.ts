import { retryDelayMs, signWebhook, verifyWebhook } from './webhook-signature.ts';

describe('webhook signatures', () => {
  it('verify with the same secret, timestamp and body only', () => {
    const signature = signWebhook('s'.repeat(32), 1_700_000_000, '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('s'.repeat(32), 1_700_000_000, '{"a":1}', signature)).toBe(true);
    expect(verifyWebhook('s'.repeat(32), 1_700_000_001, '{"a":1}', signature)).toBe(false);
    expect(verifyWebhook('s'.repeat(32), 1_700_000_000, '{"a":2}', signature)).toBe(false);
    expect(verifyWebhook('t'.repeat(32), 1_700_000_000, '{"a":1}', signature)).toBe(false);
  });

  it('back off exponentially', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 100))).toEqual([100, 200, 400, 800]);
    expect(retryDelayMs(40, 1000)).toBe(3_600_000);
  });
});
