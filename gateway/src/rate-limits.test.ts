import { Registry } from 'prom-client';
import { createLogger, createMemoryBuckets, type Principal, type TokenBuckets } from '@switchyard/shared';
import { createRateLimits, type RateLimitConfig } from './rate-limits.ts';

const LIMITS: RateLimitConfig = { anonymous: 2, roles: { VIEWER: 3, OPERATOR: 5, ADMIN: 100 }, apiKeys: { k2: 1 } };
const user = (userId: string, role: Principal['role'] = 'VIEWER'): Principal =>
  ({ kind: 'user', userId, role, scopes: null, sessionId: 's', apiKeyId: null }) as Principal;
const apiKey = (apiKeyId: string, userId = 'owner'): Principal =>
  ({ kind: 'apiKey', userId, role: 'OPERATOR', scopes: [], sessionId: null, apiKeyId }) as Principal;
const contextOf = (principal: Principal | null, clientIp = '192.0.2.1') => ({
  principal,
  clientIp,
  requestId: 'r',
  userAgent: null,
});

function setup(buckets: TokenBuckets = createMemoryBuckets(() => 0)) {
  const registry = new Registry();
  const limits = createRateLimits({ limits: LIMITS, buckets, registry, logger: createLogger('test', 'silent') });
  /** How many charges of `cost` pass before the first refusal (at most 200). */
  const passes = async (principal: Principal | null, cost = 1, clientIp?: string) => {
    for (let i = 0; i < 200; i += 1) if (await limits.admitSubscription(contextOf(principal, clientIp), cost)) return i;
    return 200;
  };
  const refusals = async () => (await registry.getSingleMetric('gateway_rate_limited_total')!.get()).values;
  return { limits, passes, refusals };
}

describe('rate limits per caller', () => {
  it('gives each user, API key and anonymous address its own bucket at its rate', async () => {
    const { passes } = setup();
    expect(await passes(user('a'))).toBe(3);
    expect(await passes(user('b'))).toBe(3);
    expect(await passes(user('c', 'OPERATOR'))).toBe(5);
    // A key of an OPERATOR gets the OPERATOR rate, apart from its owner's own bucket; k2 is configured lower.
    expect(await passes(apiKey('k1', 'c'))).toBe(5);
    expect(await passes(apiKey('k2', 'c'))).toBe(1);
    expect(await passes(null, 1, '192.0.2.1')).toBe(2);
    expect(await passes(null, 1, '192.0.2.2')).toBe(2);
  });

  it('charges the cost, at least 1 and at most a full bucket', async () => {
    const { passes } = setup();
    expect(await passes(user('a'), 0)).toBe(3);
    expect(await passes(user('b'), 2)).toBe(1);
    expect(await passes(user('c'), 1_000)).toBe(1);
  });

  it('refuses with RATE_LIMITED and retryAfterSeconds, and counts refusals by kind of caller only', async () => {
    const { limits, passes, refusals } = setup();
    await passes(user('a'));
    const refused = await limits.admitSubscription(contextOf(user('a')), 1);
    expect(refused?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 20 });
    await passes(apiKey('k2'));
    expect(await refusals()).toEqual([
      { labels: { caller: 'user' }, value: 2 },
      { labels: { caller: 'api_key' }, value: 1 },
    ]);
  });

  it('lets operations through when the bucket store fails', async () => {
    const failing: TokenBuckets = {
      take: () => Promise.reject(new Error('redis down')),
      close: async () => {},
    };
    const { limits } = setup(failing);
    expect(await limits.admitSubscription(contextOf(user('a')), 1)).toBeNull();
  });
});
