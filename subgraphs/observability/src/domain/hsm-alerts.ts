/** Hubitat Safety Monitor alerts (HSM_ALERT), from hardware's HubEventRecorded, as plain functions. */
import type { DomainEvent } from '@switchyard/shared';

/** What one HubEventRecorded says about its hub's HSM alert; null for events that say nothing about it. */
export interface HsmChange {
  hubId: string;
  hubName: string;
  storeId: string | null;
  at: Date;
  /** The alert raised (intrusion, smoke…), or null: over (cancelled, or HSM disarmed). */
  alert: string | null;
}

/** Statuses that end intrusion monitoring, and with it an alert in progress. */
const DISARMED = new Set(['disarmed', 'allDisarmed']);

export function hsmChange(event: DomainEvent): HsmChange | null {
  if (event.type !== 'HubEventRecorded') return null;
  const p = event.payload as Record<string, unknown> | null;
  if (!p || typeof p.hubId !== 'string') return null;
  const value = typeof p.value === 'string' ? p.value : null;
  const base = {
    hubId: p.hubId,
    hubName: typeof p.hubName === 'string' ? p.hubName : p.hubId,
    storeId: typeof p.storeId === 'string' ? p.storeId : null,
    at: new Date(typeof p.receivedAt === 'string' ? p.receivedAt : event.occurredAt),
  };
  if (p.kind === 'HSM_ALERT') {
    // `arming` is HSM failing to arm (an open contact), not an alarm; `cancel` ends the one in progress.
    if (value === 'arming') return null;
    return { ...base, alert: value === 'cancel' || value === null ? null : value };
  }
  if (p.kind === 'HSM_STATUS' && value !== null && DISARMED.has(value)) return { ...base, alert: null };
  return null;
}

/** What an HSM_ALERT rule looks at for one hub: its subject is the hub's id, as HUB_OFFLINE's. */
export function hsmObservation(snapshot: { hubId: string; alert: string | null; alertAt: Date | null }) {
  return {
    kind: 'since' as const,
    subject: snapshot.hubId,
    active: snapshot.alert !== null,
    sinceMs: snapshot.alertAt?.getTime() ?? 0,
  };
}

/** "Intrusion alert at Shop hub": what the alert says for people. */
export function hsmSummary(snapshot: { hubName: string; alert: string | null } | undefined, subject: string): string {
  const what = snapshot?.alert ?? 'HSM';
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} alert at hub ${snapshot?.hubName ?? subject}`;
}
