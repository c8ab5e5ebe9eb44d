/** How a check's outcome becomes a status, and what a service's uptime is measured over. */

export type ServiceHealth = 'UP' | 'DEGRADED' | 'DOWN';
export type ServiceKind = 'GATEWAY' | 'SUBGRAPH' | 'DATABASE' | 'REDIS' | 'HUB';

export interface CheckOutcome {
  ok: boolean;
  /** null when nothing was timed (a hub's status as the hardware subgraph reports it). */
  latencyMs: number | null;
  error: string | null;
}

export function healthOf(outcome: CheckOutcome, degradedAboveMs: number): ServiceHealth {
  if (!outcome.ok) return 'DOWN';
  return outcome.latencyMs !== null && outcome.latencyMs > degradedAboveMs ? 'DEGRADED' : 'UP';
}

export const UPTIME_WINDOWS_MS = { DAY: 86_400_000, WEEK: 7 * 86_400_000, MONTH: 30 * 86_400_000 } as const;
export type UptimeWindow = keyof typeof UPTIME_WINDOWS_MS;
