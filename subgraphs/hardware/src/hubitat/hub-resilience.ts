import {
  BrokenCircuitError,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { createCircuitBreakers, type CircuitBreakerSnapshot } from '@switchyard/shared';
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

export type HubResilience = ReturnType<typeof createHubResilience>;

/**
 * Every call to a hub goes through: an overall timeout, then limited retries with backoff, then
 * the hub's own circuit breaker (one per hub, so one dead hub does not stop the others). Each
 * failure comes out as a HubRequestError.
 */
export function createHubResilience(options: HubResilienceOptions, now: () => Date = () => new Date()) {
  const breakers = createCircuitBreakers({
    service: 'hardware',
    failures: options.breakerFailures,
    halfOpenAfterMs: options.halfOpenAfterMs,
    // A rejected token or an unknown device is not the hub being down.
    countsError: (error) => error instanceof HubRequestError && error.transient,
    onStateChange: options.onStateChange,
    now,
  });

  function retryPolicy(kind: HubCallKind) {
    const retryable = (error: Error) =>
      error instanceof HubRequestError &&
      (kind === 'read' ? error.failure === 'connection' || error.failure === 'server' : error.errno === 'ECONNREFUSED');
    return retry(handleWhen(retryable), {
      maxAttempts: Math.max(0, options.attempts - 1),
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
    });
  }

  return {
    async call<T>(hubId: string, kind: HubCallKind, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
      const policy = wrap(
        timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
        retryPolicy(kind),
        breakers.policy(breakerName(hubId)),
      );
      try {
        return await policy.execute(({ signal }) => work(signal));
      } catch (error) {
        if (error instanceof TaskCancelledError)
          throw new HubRequestError('timeout', `no answer within ${options.timeoutMs} ms`);
        if (error instanceof BrokenCircuitError) {
          throw new HubRequestError(
            'circuit-open',
            `circuit breaker open after ${options.breakerFailures} consecutive failures; next attempt within ${options.halfOpenAfterMs} ms`,
          );
        }
        throw error;
      }
    },

    snapshots: breakers.snapshots,

    forget(hubId: string): void {
      breakers.forget(breakerName(hubId));
    },
  };
}

export function breakerName(hubId: string): string {
  return `hubitat-hub:${hubId}`;
}
