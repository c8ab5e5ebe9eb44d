import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { Counter, type Registry } from 'prom-client';
import {
  RateLimitedError,
  withHttpStatus,
  type BucketDecision,
  type Logger,
  type Principal,
  type Role,
  type TokenBuckets,
} from '@switchyard/shared';
import type { GatewayContext } from './context.ts';

/** Tokens per minute (operation cost, see operation-cost.ts) per caller; the bucket holds one minute's worth. */
export interface RateLimitConfig {
  /** null: anonymous callers are not limited. */
  anonymous: number | null;
  roles: Record<Role, number>;
  /** Per API key id, overriding its owner's role. */
  apiKeys: Record<string, number>;
}

/** Whose bucket pays: never a client-chosen value, so it is safe as a metrics label. */
export type CallerKind = 'api_key' | 'user' | 'anonymous';

const PERIOD_MS = 60_000;

/**
 * Rate limits per caller at the gateway: a token bucket per API key, per user and, for anonymous
 * calls, per client address, charged the operation's estimated cost (at least 1). Queries and
 * mutations pay in the Apollo plugin (every transport runs them through Apollo), subscriptions
 * once when they start (prepare-operation.ts). Refusals are RATE_LIMITED with retryAfterSeconds.
 */
export function createRateLimits({
  limits,
  buckets,
  registry,
  logger,
}: {
  limits: RateLimitConfig;
  buckets: TokenBuckets;
  registry: Registry;
  logger: Logger;
}) {
  const refusals = new Counter({
    name: 'gateway_rate_limited_total',
    help: 'Operations refused by the per-caller rate limits, by kind of caller',
    labelNames: ['caller'],
    registers: [registry],
  });

  function bucketOf(principal: Principal | null, clientIp: string | null) {
    if (principal?.kind === 'apiKey' && principal.apiKeyId) {
      const capacity = limits.apiKeys[principal.apiKeyId] ?? limits.roles[principal.role];
      return { kind: 'api_key' as const, key: `key:${principal.apiKeyId}`, capacity };
    }
    if (principal)
      return { kind: 'user' as const, key: `user:${principal.userId}`, capacity: limits.roles[principal.role] };
    // Without an address (never over TCP), anonymous callers share one bucket.
    return { kind: 'anonymous' as const, key: `ip:${clientIp ?? 'unknown'}`, capacity: limits.anonymous };
  }

  /**
   * Charges the caller's bucket and counts a refusal. Resolves to the decision, or to null when
   * the store failed: the limits fail open rather than take the API down with Redis.
   */
  async function charge(context: GatewayContext, cost: number): Promise<BucketDecision | null> {
    const bucket = bucketOf(context.principal, context.clientIp);
    if (bucket.capacity === null) return null;
    try {
      // The rate is part of the key: gateways configured differently on one Redis (a change rolling
      // out, or test systems side by side) never fill each other's buckets to their own size.
      const decision = await buckets.take(`${bucket.key}:${bucket.capacity}`, Math.max(1, cost), {
        capacity: bucket.capacity,
        periodMs: PERIOD_MS,
      });
      if (!decision.allowed) refusals.inc({ caller: bucket.kind });
      return decision;
    } catch (error) {
      logger.warn({ err: error }, 'rate limit store unavailable; operation let through');
      return null;
    }
  }

  return {
    /** A subscription when it starts: the refusal for that subscription, or null. */
    async admitSubscription(context: GatewayContext, cost: number): Promise<RateLimitedError | null> {
      const decision = await charge(context, cost);
      return decision && !decision.allowed ? refusalOf(decision) : null;
    },

    /**
     * A query or mutation Apollo runs, once the operation limits passed it: RateLimit-* headers on
     * the answer, or HTTP 429 with them and Retry-After.
     */
    async admitRequest(
      cost: number,
      requestContext: GraphQLRequestContextDidResolveOperation<GatewayContext>,
    ): Promise<void> {
      const decision = await charge(requestContext.contextValue, cost);
      if (!decision) return;
      setRateLimitHeaders(requestContext.response.http.headers, decision);
      if (!decision.allowed) throw withHttpStatus(refusalOf(decision));
    },

    close: () => buckets.close(),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;

/** The IETF draft's RateLimit-* fields (draft-ietf-httpapi-ratelimit-headers), on answers and refusals alike. */
function setRateLimitHeaders(headers: Map<string, string>, decision: BucketDecision): void {
  headers.set('ratelimit-limit', String(decision.limit));
  headers.set('ratelimit-remaining', String(decision.remaining));
  headers.set('ratelimit-reset', String(decision.resetSeconds));
}

function refusalOf(decision: BucketDecision): RateLimitedError {
  return new RateLimitedError(
    `Rate limit reached (${decision.limit} per minute); try again in ${decision.retryAfterSeconds} seconds`,
    decision.retryAfterSeconds,
  );
}
