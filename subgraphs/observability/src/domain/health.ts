/** How a check's outcome becomes a status, and what a service's uptime is measured over. */

export type ServiceHealth = 'UP' | 'DEGRADED' | 'DOWN' | 'STARTING';
export type ServiceKind = 'GATEWAY' | 'SUBGRAPH' | 'DATABASE' | 'REDIS' | 'HUB' | 'BACKUP' | 'MONITOR';

export interface CheckOutcome {
  ok: boolean;
  /** null when nothing was timed (a hub's status as the hardware subgraph reports it). */
  latencyMs: number | null;
  error: string | null;
}

export function healthOf(outcome: CheckOutcome, degradedAboveMs: number, starting = false): ServiceHealth {
  if (!outcome.ok) return starting ? 'STARTING' : 'DOWN';
  return outcome.latencyMs !== null && outcome.latencyMs > degradedAboveMs ? 'DEGRADED' : 'UP';
}

/**
 * Tells a target that is still starting from one that is down. Everything starts at once (the
 * launcher, a deployment), so the checker's first rounds meet services that do not listen yet:
 * those are not outages. A target is starting until its first successful check, for at most
 * `graceMs` after the checker started; after that, or once it was seen ready, a failure is DOWN.
 */
export function createStartupTracker(startedAtMs: number, graceMs: number) {
  const seenReady = new Set<string>();
  return {
    /** Whether a failed check of `name` at `nowMs` means it is still starting; remembers successes. */
    starting(name: string, outcome: CheckOutcome, nowMs: number): boolean {
      if (outcome.ok) seenReady.add(name);
      return !outcome.ok && !seenReady.has(name) && nowMs - startedAtMs < graceMs;
    },
  };
}

export type StartupTracker = ReturnType<typeof createStartupTracker>;

/** Statuses that count in uptime: a starting target is neither up nor down. */
export const COUNTED_IN_UPTIME: readonly ServiceHealth[] = ['UP', 'DEGRADED', 'DOWN'];

export const UPTIME_WINDOWS_MS = { DAY: 86_400_000, WEEK: 7 * 86_400_000, MONTH: 30 * 86_400_000 } as const;
export type UptimeWindow = keyof typeof UPTIME_WINDOWS_MS;
