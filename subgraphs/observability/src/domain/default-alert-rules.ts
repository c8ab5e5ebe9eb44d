import type { AlertRule } from './alert-lifecycle.ts';
import { DEFAULT_LOW_BATTERY_PERCENT } from './device-alerts.ts';

/** The SetupStep that records the default rules were created, so that a deleted one does not come back. */
export const DEFAULT_ALERT_RULES_STEP = 'default-alert-rules';

/**
 * What a fresh installation alerts on, created once at its first start; admins edit or delete
 * them like any rule. Each watches every subject of its kind (`target` null).
 */
export const DEFAULT_ALERT_RULES: Omit<AlertRule, 'id'>[] = [
  {
    name: 'Service down',
    kind: 'SERVICE_DOWN',
    target: null,
    thresholdMs: null,
    thresholdPercent: null,
    // The minute decides: however many checks fit in it.
    consecutiveChecks: 1,
    forSeconds: 60,
    enabled: true,
  },
  {
    name: 'Hub offline',
    kind: 'HUB_OFFLINE',
    target: null,
    thresholdMs: null,
    thresholdPercent: null,
    consecutiveChecks: 1,
    forSeconds: 300,
    enabled: true,
  },
  {
    name: 'Server errors',
    kind: 'ERROR_RATE',
    target: null,
    thresholdMs: null,
    thresholdPercent: 5,
    consecutiveChecks: 1,
    forSeconds: 300,
    enabled: true,
  },
  {
    name: 'Circuit breaker open',
    kind: 'BREAKER_OPEN',
    target: null,
    thresholdMs: null,
    thresholdPercent: null,
    consecutiveChecks: 1,
    forSeconds: 120,
    enabled: true,
  },
];

/** Its own step: installations that created the rules above before backups existed get these once too. */
export const DEFAULT_BACKUP_ALERT_RULES_STEP = 'default-backup-alert-rules';

/** Backups: stale after BACKUP_STALE_AFTER_SECONDS (only while scheduled backups are on), and a failed attempt. */
export function defaultBackupAlertRules(staleAfterSeconds: number): Omit<AlertRule, 'id'>[] {
  return [
    {
      name: 'Backup stale',
      kind: 'BACKUP_STALE',
      target: null,
      thresholdMs: null,
      thresholdPercent: null,
      consecutiveChecks: 1,
      forSeconds: staleAfterSeconds,
      enabled: true,
    },
    {
      name: 'Backup failed',
      kind: 'BACKUP_FAILED',
      target: null,
      thresholdMs: null,
      thresholdPercent: null,
      consecutiveChecks: 1,
      forSeconds: 0,
      enabled: true,
    },
  ];
}

/** Its own step: installations from before monitors get this rule once too. */
export const DEFAULT_CERTIFICATE_ALERT_RULES_STEP = 'default-certificate-alert-rules';

/** HTTPS monitors whose certificate expires within their certificateExpiryDays (monitors without it never fire). */
export const DEFAULT_CERTIFICATE_ALERT_RULES: Omit<AlertRule, 'id'>[] = [
  {
    name: 'Certificate expiring',
    kind: 'CERTIFICATE_EXPIRING',
    target: null,
    thresholdMs: null,
    thresholdPercent: null,
    consecutiveChecks: 1,
    forSeconds: 0,
    enabled: true,
  },
];

/** Its own step, so installations that have the rules above get the device rules once too. */
export const DEFAULT_DEVICE_ALERT_RULES_STEP = 'default-device-alert-rules';

/**
 * Hubitat devices (the smoke and leak sensors): a battery under 20 %, and a device the hub reports
 * offline or that has sent nothing for a day (battery devices report their level at least daily).
 */
export const DEFAULT_DEVICE_ALERT_RULES: Omit<AlertRule, 'id'>[] = [
  {
    name: 'Low battery',
    kind: 'LOW_BATTERY',
    target: null,
    thresholdMs: null,
    thresholdPercent: DEFAULT_LOW_BATTERY_PERCENT,
    consecutiveChecks: 1,
    forSeconds: 0,
    enabled: true,
  },
  {
    name: 'Device offline',
    kind: 'DEVICE_OFFLINE',
    target: null,
    thresholdMs: null,
    thresholdPercent: null,
    consecutiveChecks: 1,
    forSeconds: 86_400,
    enabled: true,
  },
];

/** Its own step, so installations that have the rules above get the HSM rule once too. */
export const DEFAULT_HSM_ALERT_RULES_STEP = 'default-hsm-alert-rules';

/** A hub's Safety Monitor raised an alert (intrusion, smoke, water…): fires at once, resolves on cancel or disarm. */
export const DEFAULT_HSM_ALERT_RULES: Omit<AlertRule, 'id'>[] = [
  {
    name: 'HSM alert',
    kind: 'HSM_ALERT',
    target: null,
    thresholdMs: null,
    thresholdPercent: null,
    consecutiveChecks: 1,
    forSeconds: 0,
    enabled: true,
  },
];
