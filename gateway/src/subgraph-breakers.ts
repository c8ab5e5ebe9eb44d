import { randomUUID } from 'node:crypto';
import {
  ServiceUnavailableError,
  circuitBreakerStateChanged,
  createCircuitBreakers,
  createMemoryEventFeed,
  eventChannel,
  type CircuitBreakerSnapshot,
  type DomainEvent,
  type EventBus,
  type Logger,
  type SignedFetch,
} from '@switchyard/shared';

/** Breaker events kept for GET /internal/events: far more than change between two polls of observability. */
const FEED_CAPACITY = 1_000;

export interface SubgraphBreakersOptions {
  /** Consecutive failed calls to a subgraph that open its breaker. */
  failures: number;
  /** How long an open breaker fails calls at once before letting one through (half-open). */
  halfOpenAfterMs: number;
  bus: EventBus;
  logger: Logger;
}

export type SubgraphBreakers = ReturnType<typeof createSubgraphBreakers>;

/**
 * One circuit breaker per subgraph in front of the gateway's calls to it. Network errors,
 * timeouts and 5xx answers count; once open, fetches to that subgraph fail at once with
 * SERVICE_UNAVAILABLE (the fields it serves get that error, the other subgraphs' fields are
 * unaffected) until the breaker lets one call through again.
 *
 * The gateway has no database, hence no outbox: each transition is published on the bus and kept
 * in a bounded in-memory feed that the gateway serves at /internal/events, which observability
 * polls like every subgraph's outbox (without Redis the bus does not leave the process).
 */
export function createSubgraphBreakers({ failures, halfOpenAfterMs, bus, logger }: SubgraphBreakersOptions) {
  const recent = createMemoryEventFeed(FEED_CAPACITY);
  const sequences = new Map<string, number>();

  function report(snapshot: CircuitBreakerSnapshot): void {
    logger.warn({ breaker: snapshot.name, state: snapshot.state, failures: snapshot.failures }, 'circuit breaker state changed');
    const change = circuitBreakerStateChanged(snapshot);
    const sequence = (sequences.get(change.aggregateId) ?? 0) + 1;
    sequences.set(change.aggregateId, sequence);
    const event: DomainEvent = { ...change, id: randomUUID(), sequence, occurredAt: change.payload.changedAt };
    recent.append(event);
    bus.publish(eventChannel(event.aggregateType), event).catch((error: unknown) => logger.error({ err: error, breaker: snapshot.name }, 'could not publish a circuit breaker change'));
  }

  const breakers = createCircuitBreakers({
    service: 'gateway',
    failures,
    halfOpenAfterMs,
    countsResult: (response) => (response as { status: number }).status >= 500,
    onStateChange: report,
  });

  return {
    /** `fetch` to `subgraph` through its breaker; a failed or refused call is SERVICE_UNAVAILABLE without internals. */
    guard(subgraph: string, fetch: SignedFetch): SignedFetch {
      const name = `subgraph:${subgraph}`;
      const subject = `The ${subgraph} subgraph`;
      return async (url, init) => {
        try {
          return await breakers.execute(name, subject, () => fetch(url, init));
        } catch (error) {
          if (error instanceof ServiceUnavailableError) throw error;
          logger.warn({ err: error, subgraph }, 'subgraph call failed');
          throw new ServiceUnavailableError(`${subject} cannot be reached`);
        }
      };
    },
    /** This process's recent breaker events, for GET /internal/events. */
    feed: recent.feed,
    snapshots: breakers.snapshots,
  };
}
