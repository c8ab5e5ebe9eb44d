import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { ServiceUnavailableError } from './errors.ts';
import type { Logger } from './logger.ts';
import { appendToOutbox, type NewDomainEvent, type OutboxRelay, type TransactionalSqlClient } from './outbox.ts';
import { processMetrics, recordBreakerState } from './process-metrics.ts';

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** A breaker as this process sees it; what CircuitBreakerStateChanged events carry. */
export interface CircuitBreakerSnapshot {
  /** The service that owns the breaker (gateway, hardware, meals…). */
  service: string;
  /** Unique within the service, e.g. `hubitat-hub:<id>`, `subgraph:stores`, `recipe-import:<host>`. */
  name: string;
  state: BreakerState;
  /** Consecutive counted failures (back to 0 after a success). */
  failures: number;
  /** The last transition; null while it never left CLOSED. */
  changedAt: Date | null;
  /** When this process made it (its first use, or its service's start for breakers made up front). */
  createdAt: Date;
}

export interface CircuitBreakersOptions {
  service: string;
  /** Consecutive counted failures that open a breaker. */
  failures: number;
  /** How long an open breaker refuses calls before letting one through (half-open). */
  halfOpenAfterMs: number;
  /** Which errors mean the dependency is failing; the rest (a caller's mistake) pass through uncounted. Default: every error. */
  countsError?: (error: Error) => boolean;
  /** Which results mean it is failing although the call returned (e.g. an HTTP 5xx answer). Default: none. */
  countsResult?: (result: unknown) => boolean;
  /** Told on every transition, after the gauge is set. */
  onStateChange?: (snapshot: CircuitBreakerSnapshot) => void;
  /**
   * While a breaker is open, asks whether its dependency is back (e.g. a service's /ready), first
   * after `everyMs`, then backing off to `maxEveryMs`: the first yes closes it at once, instead of
   * waiting out the half-open delay. Each process probes for its own breakers.
   */
  probe?: { isBack: (name: string) => Promise<boolean>; everyMs: number; maxEveryMs: number };
  /**
   * Most breakers kept (names can come from user input, e.g. one per imported site). Beyond it the
   * least recently used closed breaker is forgotten, or the least recently used one when none is closed.
   */
  maxBreakers?: number;
  now?: () => Date;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'CLOSED',
  [CircuitState.Open]: 'OPEN',
  [CircuitState.HalfOpen]: 'HALF_OPEN',
  [CircuitState.Isolated]: 'OPEN',
};

interface Entry {
  policy: CircuitBreakerPolicy;
  snapshot: CircuitBreakerSnapshot;
  /** Closes the breaker now (its dependency answered a probe). */
  close(): void;
  /** Closes it whatever its state (OPEN or HALF_OPEN) and zeroes its failures: a manual reset. */
  reset(): void;
}

export type CircuitBreakers = ReturnType<typeof createCircuitBreakers>;

interface BreakerSet {
  service: string;
  snapshots(): CircuitBreakerSnapshot[];
  reset(name: string): CircuitBreakerSnapshot | null;
}

/** Every set of breakers this process made: what it answers when asked which breakers it has. */
const processBreakerSets = new Set<BreakerSet>();

/** Every breaker of this process (all its services' sets), by service and name. */
export function processCircuitBreakers(): CircuitBreakerSnapshot[] {
  return [...processBreakerSets]
    .flatMap((set) => set.snapshots())
    .sort((a, b) => a.service.localeCompare(b.service) || a.name.localeCompare(b.name));
}

/**
 * Closes this process's breaker `name` of `service` now, failures back to 0 (an admin's manual
 * reset: see resetCircuitBreaker in observability); answers it as it is then, or null when this
 * process has no such breaker.
 */
export function resetProcessCircuitBreaker(service: string, name: string): CircuitBreakerSnapshot | null {
  for (const set of processBreakerSets) {
    if (set.service !== service) continue;
    const snapshot = set.reset(name);
    if (snapshot) return snapshot;
  }
  return null;
}

/**
 * A named set of circuit breakers (cockatiel, consecutive failures) of one service, one per
 * dependency: each keeps a snapshot, sets `circuit_breaker_state{service,name}` and reports its
 * transitions through `onStateChange`.
 */
export function createCircuitBreakers(options: CircuitBreakersOptions) {
  const { service, now = () => new Date(), maxBreakers = Number.POSITIVE_INFINITY } = options;
  const countsError = options.countsError ?? (() => true);
  const countsResult = options.countsResult;
  const breakers = new Map<string, Entry>();

  function forget(name: string): void {
    if (breakers.delete(name)) processMetrics.circuitBreakerState.remove({ service, name });
  }

  function evictIfFull(): void {
    if (breakers.size < maxBreakers) return;
    const victim =
      [...breakers].find(([, entry]) => entry.snapshot.state === 'CLOSED')?.[0] ?? breakers.keys().next().value;
    if (victim !== undefined) forget(victim);
  }

  function entryOf(name: string): Entry {
    const existing = breakers.get(name);
    if (existing) {
      // Map order is recency order: the first entries are the least recently used.
      breakers.delete(name);
      breakers.set(name, existing);
      return existing;
    }
    evictIfFull();
    const errors = handleWhen(countsError);
    const consecutive = new ConsecutiveBreaker(options.failures);
    const policy = circuitBreaker(countsResult ? errors.orWhenResult(countsResult) : errors, {
      halfOpenAfter: options.halfOpenAfterMs,
      breaker: consecutive,
    });
    let closing = false;
    const entry: Entry = {
      policy,
      snapshot: { service, name, state: 'CLOSED', failures: 0, changedAt: null, createdAt: now() },
      close() {
        if (policy.state !== CircuitState.Open) return;
        entry.reset();
      },
      reset() {
        // cockatiel closes a breaker from outside only by isolating it and releasing the isolation.
        consecutive.success();
        entry.snapshot = { ...entry.snapshot, failures: 0 };
        if (policy.state === CircuitState.Closed) return;
        closing = true;
        policy.isolate().dispose();
        closing = false;
      },
    };
    policy.onFailure(({ handled }) => {
      if (handled) entry.snapshot = { ...entry.snapshot, failures: entry.snapshot.failures + 1 };
    });
    policy.onSuccess(() => {
      if (entry.snapshot.failures > 0) entry.snapshot = { ...entry.snapshot, failures: 0 };
    });
    policy.onStateChange((state) => {
      if (closing && state === CircuitState.Isolated) return;
      if (state === CircuitState.Open) probeWhileOpen(name, entry);
      entry.snapshot = { ...entry.snapshot, state: STATES[state], changedAt: now() };
      recordBreakerState(service, name, entry.snapshot.state);
      options.onStateChange?.(entry.snapshot);
    });
    breakers.set(name, entry);
    recordBreakerState(service, name, 'CLOSED');
    return entry;
  }

  function probeWhileOpen(name: string, entry: Entry): void {
    const { probe } = options;
    if (!probe) return;
    const attempt = async (delayMs: number) => {
      // Stop once it closed, half-opened (cockatiel's own trial call decides) or was forgotten.
      if (breakers.get(name) !== entry || entry.policy.state !== CircuitState.Open) return;
      if (await probe.isBack(name).catch(() => false)) return entry.close();
      schedule(Math.min(delayMs * 2, probe.maxEveryMs));
    };
    const schedule = (delayMs: number) => setTimeout(() => void attempt(delayMs), delayMs).unref();
    schedule(probe.everyMs);
  }

  const snapshots = (): CircuitBreakerSnapshot[] =>
    [...breakers.values()].map((entry) => entry.snapshot).sort((a, b) => a.name.localeCompare(b.name));
  processBreakerSets.add({
    service,
    snapshots,
    reset(name: string) {
      const entry = breakers.get(name);
      entry?.reset();
      return entry?.snapshot ?? null;
    },
  });

  return {
    /** The breaker named, as a cockatiel policy to compose (`wrap(timeout, retry, policy)`); created on first use. */
    policy: (name: string): CircuitBreakerPolicy => entryOf(name).policy,

    /** Makes the breakers named now, so that they are listed before their first call. */
    prepare(...names: string[]): void {
      for (const name of names) entryOf(name);
    },

    /**
     * Runs `work` through the breaker named. While it is open the call fails at once with
     * SERVICE_UNAVAILABLE, saying that `subject` (e.g. "The site example.com") keeps failing and
     * when it will be tried again; every other outcome is the work's own.
     */
    async execute<T>(name: string, subject: string, work: (signal: AbortSignal) => PromiseLike<T>): Promise<T> {
      const { policy } = entryOf(name);
      try {
        return await policy.execute(({ signal }) => work(signal));
      } catch (error) {
        if (error instanceof BrokenCircuitError) throw openCircuitError(subject, retryAt(name));
        throw error;
      }
    },

    /** When an open breaker lets the next call through; null when it is not open. */
    retryAt,

    snapshots,

    /** Drops a breaker (and its gauge) whose dependency is gone, e.g. a deleted hub. */
    forget,

    /** Closes the breaker named now, failures back to 0; its snapshot after, or null when there is none. */
    reset(name: string): CircuitBreakerSnapshot | null {
      const entry = breakers.get(name);
      entry?.reset();
      return entry?.snapshot ?? null;
    },
  };

  function retryAt(name: string): Date | null {
    const snapshot = breakers.get(name)?.snapshot;
    if (snapshot?.state !== 'OPEN' || !snapshot.changedAt) return null;
    return new Date(snapshot.changedAt.getTime() + options.halfOpenAfterMs);
  }
}

function openCircuitError(subject: string, retryAt: Date | null): ServiceUnavailableError {
  const at = retryAt ?? new Date();
  const seconds = Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000));
  return new ServiceUnavailableError(
    `${subject} keeps failing; it will be tried again at ${at.toISOString()} (in ${seconds} s)`,
    seconds,
  );
}

/** The aggregate of breaker events; its id is `<service>:<name>`, unique across services. */
export const CIRCUIT_BREAKER_AGGREGATE = 'CircuitBreaker';

/** Consumed by observability, which keeps the latest state of every breaker of every service. */
export interface CircuitBreakerStateChangedPayload {
  service: string;
  name: string;
  state: BreakerState;
  failures: number;
  changedAt: string;
}

export function circuitBreakerStateChanged(
  snapshot: CircuitBreakerSnapshot,
): NewDomainEvent<CircuitBreakerStateChangedPayload> {
  const { service, name, state, failures, changedAt } = snapshot;
  return {
    type: 'CircuitBreakerStateChanged',
    aggregateType: CIRCUIT_BREAKER_AGGREGATE,
    aggregateId: `${service}:${name}`,
    actor: { kind: 'system', id: null },
    payload: { service, name, state, failures, changedAt: (changedAt ?? new Date()).toISOString() },
  };
}

/**
 * An `onStateChange` for a service with an outbox: logs the transition and appends it as a
 * CircuitBreakerStateChanged event in a transaction of its own (breaker state itself lives in
 * memory, per replica), then lets the relay publish it.
 */
export function recordBreakerChangesInOutbox({
  db,
  relay,
  logger,
}: {
  db: TransactionalSqlClient;
  relay: Pick<OutboxRelay, 'nudge'>;
  logger: Logger;
}) {
  return (snapshot: CircuitBreakerSnapshot): void => {
    logger.warn(
      { breaker: snapshot.name, state: snapshot.state, failures: snapshot.failures },
      'circuit breaker state changed',
    );
    db.$transaction((tx) => appendToOutbox(tx, circuitBreakerStateChanged(snapshot)))
      .then(() => relay.nudge())
      .catch((error: unknown) =>
        logger.error({ err: error, breaker: snapshot.name }, 'could not record a circuit breaker change'),
      );
  };
}
