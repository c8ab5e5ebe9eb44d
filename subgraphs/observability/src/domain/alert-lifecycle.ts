/** Alert rules and the PENDING → FIRING → RESOLVED lifecycle, as plain functions. */
import { increaseOver, type CounterSample } from './operation-counts.ts';
import { deviceCondition, type DeviceObservation } from './device-alerts.ts';

export type AlertStatus = 'PENDING' | 'FIRING' | 'RESOLVED';
export type AlertRuleKind =
  | 'SERVICE_DOWN'
  | 'LATENCY_ABOVE'
  | 'BREAKER_OPEN'
  | 'HUB_OFFLINE'
  | 'ERROR_RATE'
  | 'BACKUP_STALE'
  | 'BACKUP_FAILED'
  | 'CERTIFICATE_EXPIRING'
  | 'LOW_BATTERY'
  | 'DEVICE_OFFLINE'
  | 'HSM_ALERT';
export type ObservationKind =
  'service' | 'breaker' | 'hub' | 'counters' | 'backupAge' | 'backupFailed' | 'certificate' | 'device' | 'hsm';

/**
 * A condition that comes back within this long of its alert resolving reopens that alert instead
 * of opening a new one: a flapping service makes one alert with a reopen count, not a page of them.
 * Fifteen minutes covers the flapping seen in practice (a service restarting in a loop, a hub on a
 * weak link) while an outage hours later is a new incident with its own alert.
 */
export const ALERT_REOPEN_WINDOW_MS = 15 * 60_000;

/** Whether an alert resolved at `resolvedAt` is reopened by its condition returning at `now`. */
export function reopens(resolvedAt: Date | null, now: Date): boolean {
  return resolvedAt !== null && now.getTime() - resolvedAt.getTime() <= ALERT_REOPEN_WINDOW_MS;
}

/** Fewer operations than this in an error-rate window say nothing: one failed call of two is not a 50 % outage. */
export const ERROR_RATE_MIN_OPERATIONS = 10;

export interface AlertRule {
  id: string;
  name: string;
  kind: AlertRuleKind;
  target: string | null;
  thresholdMs: number | null;
  thresholdPercent: number | null;
  consecutiveChecks: number;
  forSeconds: number;
  enabled: boolean;
  /** NotificationChannel ids its alerts go to; empty or absent: every enabled channel. */
  channelIds?: string[];
  /** Re-notify a still FIRING, unacknowledged, unsilenced alert this often; null: never. */
  repeatIntervalSeconds?: number | null;
}

/** Whether a FIRING alert is owed a reminder at `now` (the rule's repeat interval since its last notification). */
export function repeatDue(
  rule: Pick<AlertRule, 'repeatIntervalSeconds'>,
  alert: {
    status: AlertStatus;
    silenced: boolean;
    acknowledgedAt: Date | null;
    firedAt: Date | null;
    lastNotifiedAt?: Date | null;
  },
  silencedNow: boolean,
  now: Date,
): boolean {
  if (!rule.repeatIntervalSeconds || alert.status !== 'FIRING') return false;
  if (alert.silenced || silencedNow || alert.acknowledgedAt) return false;
  const last = alert.lastNotifiedAt ?? alert.firedAt;
  return last !== null && now.getTime() - last.getTime() >= rule.repeatIntervalSeconds * 1000;
}

/** What a rule looks at for one subject (a service, breaker or hub). */
export type Observation =
  | {
      kind: 'service';
      subject: string;
      /** Not ready yet since the checker started: neither up nor down, so its alerts stay as they are. */
      starting: boolean;
      down: boolean;
      /** When it went DOWN (meaningful while `down`). */
      downSinceMs: number;
      consecutiveFailures: number;
      recentLatenciesMs: (number | null)[];
    }
  | { kind: 'since'; subject: string; active: boolean; sinceMs: number }
  | { kind: 'counters'; subject: string; samples: CounterSample[] }
  /** How old something is (the last good backup): the rule's forSeconds is the age that breaches. */
  | { kind: 'age'; subject: string; sinceMs: number }
  | DeviceObservation;

export interface Condition {
  /** The problem is there now. */
  breaching: boolean;
  /** …and has lasted as long as the rule demands. */
  sustained: boolean;
}

/** The condition of `rule` for one subject now; null when nothing can be said yet (a service still starting). */
export function evaluateCondition(rule: AlertRule, observation: Observation, nowMs: number): Condition | null {
  if (observation.kind === 'service' && observation.starting) return null;
  if (observation.kind === 'device') return deviceCondition(rule, observation, nowMs);
  if (observation.kind === 'since') {
    const breaching = observation.active;
    return { breaching, sustained: breaching && nowMs - observation.sinceMs >= rule.forSeconds * 1000 };
  }
  if (observation.kind === 'age') {
    // Young enough is no problem at all (not PENDING): the age itself is the threshold.
    const breaching = nowMs - observation.sinceMs >= rule.forSeconds * 1000;
    return { breaching, sustained: breaching };
  }
  if (observation.kind === 'counters') {
    const windowStartMs = nowMs - rule.forSeconds * 1000;
    const { operations, serverErrors } = increaseOver(
      observation.samples.filter((sample) => sample.atMs >= windowStartMs),
    );
    const breaching =
      operations >= ERROR_RATE_MIN_OPERATIONS && (serverErrors / operations) * 100 > (rule.thresholdPercent ?? 100);
    // The window is the duration: a rate measured over it is already sustained.
    return { breaching, sustained: breaching };
  }
  if (rule.kind === 'LATENCY_ABOVE') {
    const threshold = rule.thresholdMs ?? Number.POSITIVE_INFINITY;
    const slow = (latency: number | null) => latency !== null && latency > threshold;
    const recent = observation.recentLatenciesMs;
    return {
      breaching: recent.length > 0 && slow(recent[0]!),
      sustained: recent.length >= rule.consecutiveChecks && recent.slice(0, rule.consecutiveChecks).every(slow),
    };
  }
  // SERVICE_DOWN: so many failed checks in a row, and down for forSeconds (0: the checks alone decide).
  return {
    breaching: observation.down,
    sustained:
      observation.down &&
      observation.consecutiveFailures >= rule.consecutiveChecks &&
      nowMs - observation.downSinceMs >= rule.forSeconds * 1000,
  };
}

/**
 * The statuses an alert passes through on one evaluation, in order. A condition that is already
 * sustained when first seen goes PENDING and FIRING at once, so subscribers see both; a PENDING
 * alert whose condition clears resolves without ever having fired (nothing was notified). An
 * unknown condition (null) moves nothing.
 */
export function nextStatuses(current: AlertStatus | null, condition: Condition | null): AlertStatus[] {
  if (!condition) return [];
  const open = current === 'PENDING' || current === 'FIRING';
  if (!open) {
    if (!condition.breaching) return [];
    return condition.sustained ? ['PENDING', 'FIRING'] : ['PENDING'];
  }
  if (!condition.breaching) return ['RESOLVED'];
  return current === 'PENDING' && condition.sustained ? ['FIRING'] : [];
}

/** Which rule kind watches which observations. */
export function ruleWatches(rule: AlertRule, observationKind: ObservationKind): boolean {
  return WATCHED_BY[rule.kind] === observationKind;
}

const WATCHED_BY: Record<AlertRuleKind, ObservationKind> = {
  SERVICE_DOWN: 'service',
  LATENCY_ABOVE: 'service',
  BREAKER_OPEN: 'breaker',
  HUB_OFFLINE: 'hub',
  ERROR_RATE: 'counters',
  BACKUP_STALE: 'backupAge',
  BACKUP_FAILED: 'backupFailed',
  CERTIFICATE_EXPIRING: 'certificate',
  LOW_BATTERY: 'device',
  DEVICE_OFFLINE: 'device',
  HSM_ALERT: 'hsm',
};

export function ruleApplies(rule: AlertRule, subject: string): boolean {
  return rule.enabled && (rule.target === null || rule.target === subject);
}

/** Silences match a rule name, a subject, or `rule:subject`; `*` matches any run of characters. */
export function silenceMatches(matcher: string, ruleName: string, subject: string): boolean {
  const pattern = new RegExp(`^${matcher.split('*').map(escapeRegExp).join('.*')}$`);
  return pattern.test(ruleName) || pattern.test(subject) || pattern.test(`${ruleName}:${subject}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

const checks = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function summarize(rule: AlertRule, subject: string): string {
  switch (rule.kind) {
    case 'SERVICE_DOWN':
      return rule.forSeconds > 0
        ? `${subject} has been down for ${rule.forSeconds} s or more`
        : `${subject} is down (${checks(rule.consecutiveChecks, 'failed check')} in a row)`;
    case 'LATENCY_ABOVE':
      return `${subject} answers slower than ${rule.thresholdMs} ms (${checks(rule.consecutiveChecks, 'check')} in a row)`;
    case 'BREAKER_OPEN':
      return `circuit breaker ${subject} has been open for ${rule.forSeconds} s or more`;
    case 'HUB_OFFLINE':
      return `hub ${subject} has been offline for ${rule.forSeconds} s or more`;
    case 'ERROR_RATE':
      return `more than ${rule.thresholdPercent} % of ${subject}'s operations failed with a server error in the last ${rule.forSeconds} s`;
    case 'BACKUP_STALE':
      return `no good backup in the last ${rule.forSeconds} s`;
    case 'BACKUP_FAILED':
      return 'the last backup failed';
    case 'CERTIFICATE_EXPIRING':
      return `the TLS certificate of ${subject} expires soon`;
    // The evaluator says these with the device's label and reading (device-alerts.ts's deviceSummary).
    case 'LOW_BATTERY':
      return `${subject}'s battery is below ${rule.thresholdPercent ?? 20} %`;
    case 'DEVICE_OFFLINE':
      return `${subject} has been offline for ${rule.forSeconds} s or more`;
    // The evaluator says this with the hub's name and the alert (hsm-alerts.ts's hsmSummary).
    case 'HSM_ALERT':
      return `HSM alert at hub ${subject}`;
  }
}
