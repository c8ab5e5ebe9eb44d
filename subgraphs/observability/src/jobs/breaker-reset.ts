import {
  CIRCUIT_BREAKER_RESET_CHANNEL,
  NotFoundError,
  ServiceUnavailableError,
  circuitBreakerResetRequested,
  requestCircuitBreakerReset,
  type EventBus,
  type InternalClient,
  type Logger,
  type Principal,
} from '@switchyard/shared';
import type { ActivityRepository, OverviewRepository } from '../data/repositories.ts';
import { auditEvent } from '../domain/events.ts';
import type { BreakerState } from '../domain/types.ts';

interface BreakerResetDeps {
  client: InternalClient;
  /** Service name → base URL: where each breaker's owner answers. */
  serviceUrls: Record<string, string>;
  bus: EventBus;
  overview: OverviewRepository;
  activity: ActivityRepository;
  logger: Logger;
}

const SYSTEM_CONTEXT = {
  principal: null,
  requestId: 'observability-breaker-reset',
  clientIp: null,
  userAgent: 'switchyard-observability',
};

/**
 * An admin's manual reset of a circuit breaker. Breakers live in memory in each replica of the
 * service that owns them, so the reset goes two ways: a signed POST to the service (the replica
 * that answers resets at once and says whether it has the breaker; this is also the whole path
 * without Redis, where there is one replica per service), and a message on the bus that every
 * replica of every service follows (a replica without the breaker ignores it). Both are
 * idempotent. The reset is audited in the activity feed (CircuitBreakerReset, with the reason).
 */
export function createBreakerReset({ client, serviceUrls, bus, overview, activity, logger }: BreakerResetDeps) {
  return async function reset(
    target: { service: string; name: string },
    reason: string,
    principal: Principal,
    now = new Date(),
  ): Promise<BreakerState> {
    const { service, name } = target;
    const baseUrl = serviceUrls[service];
    const known = await overview.breaker(service, name);
    if (!baseUrl) throw new NotFoundError('CircuitBreaker', `${service}/${name}`);
    const answered = await requestCircuitBreakerReset(client, baseUrl, SYSTEM_CONTEXT, target).catch((error) => {
      logger.warn({ err: error, service, breaker: name }, 'breaker reset: the service did not answer');
      return undefined;
    });
    if (answered === undefined && !known) throw new ServiceUnavailableError(`${service} did not answer`);
    // Neither the replica asked nor our rows know it: a typo, or a breaker forgotten since.
    if (answered === null && !known) throw new NotFoundError('CircuitBreaker', `${service}/${name}`);
    await bus.publish(CIRCUIT_BREAKER_RESET_CHANNEL, circuitBreakerResetRequested(target));
    const row = await overview.resetBreaker(service, name, now);
    await activity.ingest('observability', [
      auditEvent(
        'CircuitBreakerReset',
        'CircuitBreaker',
        `${service}:${name}`,
        principal,
        { service, name, reason, previousState: known?.state ?? null },
        now,
      ),
    ]);
    return row;
  };
}

export type BreakerReset = ReturnType<typeof createBreakerReset>;
