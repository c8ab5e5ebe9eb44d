import {
  BrokenCircuitError,
  CircuitState as BreakerState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { CircuitBreakerSnapshot, CircuitState } from '../domain/types.ts';
import { HubRequestError } from './hub-request-error.ts';

export interface HubResilienceOptions {
  /** The whole call, retries included, ends within this: a dead hub fails fast and clearly. */
  timeoutMs: number;
  /** Attempts per call (1 = no retry). */
  attempts: number;
  /** Consecutive transient failures that open a hub's breaker. */
  breakerFailures: number;
  /** How long an open breaker refuses calls before letting one through (half-open). */
  halfOpenAfterMs: number;
  /** Told on every breaker transition (recorded as a CircuitBreakerStateChanged event). */
  onStateChange: (snapshot: CircuitBreakerSnapshot) => void;
}

/** Reads can be repeated; a command only when the connection was refused, i.e. it surely never arrived. */
export type HubCallKind = 'read' | 'command';

interface HubBreaker {
  policy: CircuitBreakerPolicy;
  snapshot: CircuitBreakerSnapshot;
}

const STATES: Record<BreakerState, CircuitState> = {
  [BreakerState.Closed]: 'CLOSED',
  [BreakerState.Open]: 'OPEN',
  [BreakerState.HalfOpen]: 'HALF_OPEN',
  [BreakerState.Isolated]: 'OPEN',
};

export type HubResilience = ReturnType<typeof createHubResilience>;

/**
 * Every call to a hub goes through: an overall timeout, then limited retries with backoff, then
 * the hub's own circuit breaker (one per hub, so one dead hub does not stop the others). Each
 * failure comes out as a HubRequestError.
 */
export function createHubResilience(options: HubResilienceOptions, now: () => Date = () => new Date()) {
  const breakers = new Map<string, HubBreaker>();
  const isTransient = (error: Error) => error instanceof HubRequestError && error.transient;

  function breakerOf(hubId: string): HubBreaker {
    const existing = breakers.get(hubId);
    if (existing) return existing;
    const policy = circuitBreaker(handleWhen(isTransient), { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerFailures) });
    const entry: HubBreaker = { policy, snapshot: { name: breakerName(hubId), service: 'hardware', state: 'CLOSED', failures: 0, changedAt: null } };
    policy.onFailure(({ reason }) => {
      if ('error' in reason && isTransient(reason.error)) entry.snapshot = { ...entry.snapshot, failures: entry.snapshot.failures + 1 };
    });
    policy.onSuccess(() => {
      entry.snapshot = { ...entry.snapshot, failures: 0 };
    });
    policy.onStateChange((state) => {
      entry.snapshot = { ...entry.snapshot, state: STATES[state], changedAt: now() };
      options.onStateChange(entry.snapshot);
    });
    breakers.set(hubId, entry);
    return entry;
  }

  function retryPolicy(kind: HubCallKind) {
    const retryable = (error: Error) =>
      error instanceof HubRequestError && (kind === 'read' ? error.failure === 'connection' || error.failure === 'server' : error.errno === 'ECONNREFUSED');
    return retry(handleWhen(retryable), { maxAttempts: Math.max(0, options.attempts - 1), backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }) });
  }

  return {
    async call<T>(hubId: string, kind: HubCallKind, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
      const policy = wrap(timeout(options.timeoutMs, TimeoutStrategy.Aggressive), retryPolicy(kind), breakerOf(hubId).policy);
      try {
        return await policy.execute(({ signal }) => work(signal));
      } catch (error) {
        if (error instanceof TaskCancelledError) throw new HubRequestError('timeout', `no answer within ${options.timeoutMs} ms`);
        if (error instanceof BrokenCircuitError) {
          throw new HubRequestError('circuit-open', `circuit breaker open after ${options.breakerFailures} consecutive failures; next attempt within ${options.halfOpenAfterMs} ms`);
        }
        throw error;
      }
    },

    snapshots(): CircuitBreakerSnapshot[] {
      return [...breakers.values()].map((b) => b.snapshot).sort((a, b) => a.name.localeCompare(b.name));
    },

    forget(hubId: string): void {
      breakers.delete(hubId);
    },
  };
}

export function breakerName(hubId: string): string {
  return `hubitat-hub:${hubId}`;
}
