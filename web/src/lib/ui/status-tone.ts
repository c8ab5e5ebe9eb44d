// The tone of every state of monitoring, backups and webhooks: StatusBadge's colour and shape, and
// the stripe of a list item in that state (app.css `.status-item`).
export type Tone = 'ok' | 'busy' | 'warn' | 'danger' | 'muted';

const TONES: Record<string, Tone> = {
  UP: 'ok',
  DEGRADED: 'warn',
  DOWN: 'danger',
  STARTING: 'muted',
  CLOSED: 'ok',
  HALF_OPEN: 'warn',
  OPEN: 'danger',
  PENDING: 'warn',
  FIRING: 'danger',
  RESOLVED: 'ok',
  ACTIVE: 'ok',
  DISABLED: 'muted',
  DELIVERED: 'ok',
  EXPIRED: 'muted',
  RUNNING: 'busy',
  SUCCEEDED: 'ok',
  FAILED: 'danger',
  // Hardware assets.
  IN_STOCK: 'ok',
  ALLOCATED: 'busy',
  FAULTY: 'danger',
  RETIRED: 'muted',
  // Monitors: paused by their operator.
  PAUSED: 'muted',
  // Maintenance windows.
  MAINTENANCE: 'busy',
  UPCOMING: 'muted',
  ENDED: 'muted',
  // Status pages and incidents.
  UNKNOWN: 'muted',
  INVESTIGATING: 'danger',
  IDENTIFIED: 'warn',
  MONITORING: 'busy',
  PUBLISHED: 'ok',
  DRAFT: 'muted',
};

export const toneOf = (state: string): Tone => TONES[state] ?? 'muted';
