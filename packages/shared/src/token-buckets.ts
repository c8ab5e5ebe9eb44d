import type { Redis } from 'ioredis';
import { createLogger, type Logger } from './logger.ts';
import { closeRedis, openRedis, redisCall } from './redis-connection.ts';

/** A bucket of `capacity` tokens refilling continuously at `capacity` per `periodMs`. */
export interface BucketLimit {
  capacity: number;
  periodMs: number;
}

/** The outcome of taking tokens, in the terms of the RateLimit-* and Retry-After headers. */
export interface BucketDecision {
  allowed: boolean;
  limit: number;
  /** Whole tokens left after this take. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until this take would succeed (0 when it did). */
  retryAfterSeconds: number;
}

export interface TokenBuckets {
  /** Takes `cost` tokens from the bucket `key` if it holds them; otherwise takes none. */
  take(key: string, cost: number, limit: BucketLimit): Promise<BucketDecision>;
  close(): Promise<void>;
}

/**
 * What a bucket holding `tokens` (after refill) answers to a take of `cost`: the one rule both
 * stores share. A cost beyond the capacity is charged as a full bucket, so the costliest operation
 * the operation limits admit can still run once a bucket is full, however small the rate.
 */
export function decide(tokens: number, cost: number, { capacity, periodMs }: BucketLimit): BucketDecision {
  const charge = Math.min(cost, capacity);
  const allowed = tokens >= charge;
  const left = allowed ? tokens - charge : tokens;
  const perSecond = (capacity * 1000) / periodMs;
  return {
    allowed,
    limit: capacity,
    remaining: Math.floor(left),
    resetSeconds: Math.ceil((capacity - left) / perSecond),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((charge - tokens) / perSecond)),
  };
}

function refilled(tokens: number, elapsedMs: number, { capacity, periodMs }: BucketLimit): number {
  return Math.min(capacity, tokens + (Math.max(0, elapsedMs) * capacity) / periodMs);
}

// Past this many buckets, full ones (callers quiet for a whole period) are dropped: a flood from
// many addresses must not grow the process without bound.
const SWEEP_ABOVE = 10_000;

/** One process's buckets, for a single gateway without Redis. */
export function createMemoryBuckets(now: () => number = Date.now): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number; limit: BucketLimit }>();

  function sweep(at: number) {
    for (const [key, bucket] of buckets)
      if (refilled(bucket.tokens, at - bucket.at, bucket.limit) >= bucket.limit.capacity) buckets.delete(key);
  }

  return {
    async take(key, cost, limit) {
      const at = now();
      if (buckets.size > SWEEP_ABOVE) sweep(at);
      const bucket = buckets.get(key);
      const tokens = bucket ? refilled(bucket.tokens, at - bucket.at, limit) : limit.capacity;
      const decision = decide(tokens, cost, limit);
      buckets.set(key, { tokens: decision.allowed ? tokens - Math.min(cost, limit.capacity) : tokens, at, limit });
      return decision;
    },
    async close() {
      buckets.clear();
    },
  };
}

/**
 * Refill and take in one step on the Redis server, with its clock: replicas share a bucket and
 * never race or disagree on time. The state expires once the bucket would be full again.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local charge = math.min(tonumber(ARGV[3]), capacity)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * capacity / period)
local left = tokens
if tokens >= charge then left = tokens - charge end
redis.call('HSET', KEYS[1], 'tokens', tostring(left), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - left) * period / capacity) + 1000)
return tostring(tokens)
`;

type WithTake = Redis & { takeTokens(key: string, capacity: number, periodMs: number, cost: number): Promise<string> };

export const TOKEN_BUCKET_KEY_PREFIX = 'switchyard:ratelimit:';

/**
 * Buckets shared by every replica through Redis (an atomic Lua script per take). While Redis is
 * unreachable `take` rejects at once, and after 250 ms while it does not answer; the caller
 * decides whether that fails open.
 */
export function createRedisBuckets(
  redisUrl: string,
  options: { keyPrefix?: string; logger?: Logger } = {},
): TokenBuckets {
  const redis = openRedis(
    redisUrl,
    { connectionName: 'switchyard-rate-limits', maxRetriesPerRequest: 1 },
    { logger: options.logger ?? createLogger('rate-limits', 'info'), label: 'rate limits' },
  );
  redis.defineCommand('takeTokens', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  const client = redis as WithTake;
  const prefix = options.keyPrefix ?? TOKEN_BUCKET_KEY_PREFIX;
  return {
    async take(key, cost, limit) {
      // Lua numbers become integers in replies, so the script answers with a string.
      const tokens = Number(
        await redisCall(client, () => client.takeTokens(prefix + key, limit.capacity, limit.periodMs, cost)),
      );
      return decide(tokens, cost, limit);
    },
    close: () => closeRedis(redis),
  };
}

/** Redis when a URL is given (one bucket per caller across replicas), in memory otherwise (one process). */
export function createTokenBuckets(options: { redisUrl?: string; logger?: Logger }): TokenBuckets {
  return options.redisUrl
    ? createRedisBuckets(options.redisUrl, options.logger ? { logger: options.logger } : {})
    : createMemoryBuckets();
}
