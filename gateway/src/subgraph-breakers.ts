import { randomUUID } from 'node:crypto';
import {
  OperationCancelledError,
  OperationDeadlineExceededError,
  ServiceUnavailableError,
  circuitBreakerStateChanged,
  createCircuitBreakers,
  createMemoryEventFeed,
  eventChannel,
  type CircuitBreakerSnapshot,
  type DomainEvent,
  type EventBus,
  type Logger,
  type SignedRequest,
} from '@switchyard/shared';

/** Breaker events kept for GET /internal/events: far more than change between two polls of observability. */
const FEED_CAPACITY = 1_000;
const BREAKER_PREFIX = 'subgraph:';
/**
 * An open breaker's readiness probes: first after 250 ms, backing off to one a second, so that a
 * subgraph back from a restart is used again within about a second of its readiness, for the cost
 * of one GET /ready a second per open breaker and gateway replica.
 */
const PROBE_EVERY_MS = 250;
const PROBE_MAX_EVERY_MS = 1_000;

export interface SubgraphBreakersOptions {
  /** Consecutive failed calls to a subgraph that open its breaker. */
  failures: number;
  /** How long an open breaker fails calls at once before letting one through (half-open). */
  halfOpenAfterMs: number;
  /** The gateway's timeout of a subgraph call (SUBGRAPH_TIMEOUT_MS), named in the error of a call that exceeded it. */
  timeoutMs: number;
  /** Whether the subgraph answers its readiness probe: decides whom a timeout is blamed on. */
  isReady: (subgraph: string) => Promise<boolean>;
  bus: EventBus;
  logger: Logger;
}

export type SubgraphBreakers = ReturnType<typeof createSubgraphBreakers>;

/**
 * One circuit breaker per subgraph in front of the gateway's calls to it. Network errors and 5xx
 * answers count; once open, fetches to that subgraph fail at once with SERVICE_UNAVAILABLE (the
 * fields it serves get that error, the other subgraphs' fields are unaffected) until the breaker
 * lets one call through again.
 *
 * A breaker counts the subgraph's failures, not one caller's expensive operations, so that a
 * caller cannot open it for everyone with a few deliberately slow requests:
 * - a call aborted because its client went away is not counted (nor is the subgraph's own
 *   OPERATION_DEADLINE_EXCEEDED or RESPONSE_TOO_LARGE answer: an HTTP 200);
 * - a timeout counts only when the subgraph also fails its readiness probe right after (it is
 *   unreachable, or too busy to answer anyone). While it answers /ready, the timeout is the
 *   operation's: that caller gets OPERATION_DEADLINE_EXCEEDED and the breaker stays as it was.
 * Operation limits and rate limits weighted by cost bound how many such operations one caller
 * can send in the first place.
 *
 * The gateway has no database, hence no outbox: each transition is published on the bus and kept
 * in a bounded in-memory feed that the gateway serves at /internal/events, which observability
 * polls like every subgraph's outbox (without Redis the bus does not leave the process).
 */
export function createSubgraphBreakers({
  failures,
  halfOpenAfterMs,
  timeoutMs,
  isReady,
  bus,
  logger,
}: SubgraphBreakersOptions) {
  const recent = createMemoryEventFeed(FEED_CAPACITY);
  const sequences = new Map<string, number>();

  function report(snapshot: CircuitBreakerSnapshot): void {
    logger.warn(
      { breaker: snapshot.name, state: snapshot.state, failures: snapshot.failures },
      'circuit breaker state changed',
    );
    const change = circuitBreakerStateChanged(snapshot);
    const sequence = (sequences.get(change.aggregateId) ?? 0) + 1;
    sequences.set(change.aggregateId, sequence);
    const event: DomainEvent = { ...change, id: randomUUID(), sequence, occurredAt: change.payload.changedAt };
    recent.append(event);
    bus
      .publish(eventChannel(event.aggregateType), event)
      .catch((error: unknown) =>
        logger.error({ err: error, breaker: snapshot.name }, 'could not publish a circuit breaker change'),
      );
  }

  const breakers = createCircuitBreakers({
    service: 'gateway',
    failures,
    halfOpenAfterMs,
    countsResult: (response) => (response as { status: number }).status >= 500,
    countsError: (error) => !(error instanceof NotTheSubgraphsFault),
    // An open breaker closes as soon as its subgraph answers /ready again (every gateway replica
    // probes for itself), rather than after the half-open delay.
    probe: {
      isBack: (name) => isReady(name.slice(BREAKER_PREFIX.length)),
      everyMs: PROBE_EVERY_MS,
      maxEveryMs: PROBE_MAX_EVERY_MS,
    },
    onStateChange: report,
  });

  return {
    /** `request` to `subgraph` through its breaker; a failed or refused call is SERVICE_UNAVAILABLE without internals. */
    guard(subgraph: string, request: SignedRequest): SignedRequest {
      const name = `${BREAKER_PREFIX}${subgraph}`;
      const subject = `The ${subgraph} subgraph`;
      // Listed (CLOSED) from the start, not only once the subgraph was first called.
      breakers.prepare(name);
      // What a failed call says about the subgraph: only a counted error is its fault.
      const blame = async (error: unknown, signal: AbortSignal | undefined): Promise<unknown> => {
        if (signal?.aborted) return new NotTheSubgraphsFault(new OperationCancelledError());
        if (isTimeout(error) && (await isReady(subgraph)))
          return new NotTheSubgraphsFault(new OperationDeadlineExceededError(timeoutMs, subject));
        return error;
      };
      return async (url, init) => {
        try {
          return await breakers.execute(name, subject, async () => {
            try {
              return await request(url, init);
            } catch (error) {
              throw await blame(error, init.signal);
            }
          });
        } catch (error) {
          if (error instanceof NotTheSubgraphsFault) throw error.error;
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

/** A failed call that is not the subgraph's fault: its breaker does not count it, the caller gets `error`. */
class NotTheSubgraphsFault extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

/** The call's header/body timeouts (undici's codes, on the error or, through fetch, on its cause) or an AbortSignal.timeout. */
function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return error.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}
