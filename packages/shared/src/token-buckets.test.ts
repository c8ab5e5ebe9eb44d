import { randomUUID } from 'node:crypto';
import { createMemoryBuckets, createRedisBuckets, decide, type TokenBuckets } from './token-buckets.ts';

// The Redis store runs against a real Redis (CI sets TEST_REDIS_URL); skipped without one.
const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

const TEN_PER_MINUTE = { capacity: 10, periodMs: 60_000 };

describe('a token bucket decision', () => {
  it('takes what the bucket holds and says when it is full again', () => {
    expect(decide(10, 4, TEN_PER_MINUTE)).toEqual({
      allowed: true,
      limit: 10,
      remaining: 6,
      resetSeconds: 24,
      retryAfterSeconds: 0,
    });
  });

  it('refuses a take beyond the tokens, with the seconds until it would succeed', () => {
    expect(decide(1, 4, TEN_PER_MINUTE)).toMatchObject({ allowed: false, remaining: 1, retryAfterSeconds: 18 });
  });

  it('charges a cost beyond the capacity as a full bucket', () => {
    expect(decide(10, 500, TEN_PER_MINUTE)).toMatchObject({ allowed: true, remaining: 0 });
    expect(decide(9.5, 500, TEN_PER_MINUTE)).toMatchObject({ allowed: false, retryAfterSeconds: 3 });
  });
});

describe('in-memory token buckets', () => {
  it('allows a burst of the capacity, then refills at the rate', async () => {
    let now = 0;
    const buckets = createMemoryBuckets(() => now);
    const taken = [];
    for (let i = 0; i < 12; i += 1) taken.push((await buckets.take('a', 1, TEN_PER_MINUTE)).allowed);
    expect(taken.filter(Boolean)).toHaveLength(10);
    expect(await buckets.take('a', 1, TEN_PER_MINUTE)).toMatchObject({ allowed: false, retryAfterSeconds: 6 });
    now += 6_000;
    expect(await buckets.take('a', 1, TEN_PER_MINUTE)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('keeps one bucket per key', async () => {
    const buckets = createMemoryBuckets(() => 0);
    expect(await buckets.take('a', 10, TEN_PER_MINUTE)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await buckets.take('b', 3, TEN_PER_MINUTE)).toMatchObject({ allowed: true, remaining: 7 });
  });
});

describeWithRedis('Redis token buckets', () => {
  let buckets: TokenBuckets;
  beforeAll(() => {
    buckets = createRedisBuckets(redisUrl!);
  });
  afterAll(() => buckets.close());

  it('allows the capacity across concurrent takes, no more', async () => {
    const key = randomUUID();
    const decisions = await Promise.all(Array.from({ length: 25 }, () => buckets.take(key, 1, TEN_PER_MINUTE)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    expect(decisions.find((decision) => !decision.allowed)).toMatchObject({ limit: 10, remaining: 0 });
  });

  it('is shared by every client of the same Redis', async () => {
    const key = randomUUID();
    const other = createRedisBuckets(redisUrl!);
    try {
      expect(await buckets.take(key, 8, TEN_PER_MINUTE)).toMatchObject({ allowed: true, remaining: 2 });
      expect(await other.take(key, 3, TEN_PER_MINUTE)).toMatchObject({ allowed: false, remaining: 2 });
    } finally {
      await other.close();
    }
  });
});
