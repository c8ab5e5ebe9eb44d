import type { AlertRuleFieldsFragment, AlertRuleKind } from '$lib/graphql/generated/graphql.js';
import { duration } from '../format.js';

export type RuleField = 'thresholdMs' | 'thresholdPercent' | 'consecutiveChecks' | 'forSeconds';

/** What each rule kind watches and which of the rule's numbers it reads (the rest are ignored by the API). */
export const KINDS: Record<
  AlertRuleKind,
  {
    label: string;
    help: string;
    /** Backup rules watch the one backup job: they have no target. */
    watches: 'service' | 'breaker' | 'hub' | 'backups' | 'device';
    targetLabel: string;
    everyTarget: string;
    fields: RuleField[];
  }
> = {
  SERVICE_DOWN: {
    label: 'Service down',
    help: 'Fires when the service’s health checks fail this many times in a row and it has been down this long (0: at once).',
    watches: 'service',
    targetLabel: 'Service',
    everyTarget: 'Every service',
    fields: ['consecutiveChecks', 'forSeconds'],
  },
  LATENCY_ABOVE: {
    label: 'Latency above',
    help: 'Fires when the service answers slower than the threshold this many checks in a row.',
    watches: 'service',
    targetLabel: 'Service',
    everyTarget: 'Every service',
    fields: ['thresholdMs', 'consecutiveChecks'],
  },
  BREAKER_OPEN: {
    label: 'Circuit breaker open',
    help: 'Fires when a circuit breaker has been open for this long.',
    watches: 'breaker',
    targetLabel: 'Breaker (service/name)',
    everyTarget: 'Every breaker',
    fields: ['forSeconds'],
  },
  HUB_OFFLINE: {
    label: 'Hub offline',
    help: 'Fires when a hub has been offline for this long.',
    watches: 'hub',
    targetLabel: 'Hub id',
    everyTarget: 'Every hub',
    fields: ['forSeconds'],
  },
  ERROR_RATE: {
    label: 'Error rate above',
    help: 'Fires when more than this share of the service’s GraphQL operations failed with a server error over the window (default 5 minutes; at least 10 operations).',
    watches: 'service',
    targetLabel: 'Service',
    everyTarget: 'Every service',
    fields: ['thresholdPercent', 'forSeconds'],
  },
  BACKUP_STALE: {
    label: 'Backup stale',
    help: 'Fires while scheduled backups are on and the last good backup is older than this (or none was taken for this long).',
    watches: 'backups',
    targetLabel: 'Target',
    everyTarget: 'Backups',
    fields: ['forSeconds'],
  },
  BACKUP_FAILED: {
    label: 'Backup failed',
    help: 'Fires when the newest backup attempt failed; resolves when a later one succeeds.',
    watches: 'backups',
    targetLabel: 'Target',
    everyTarget: 'Backups',
    fields: [],
  },
  CERTIFICATE_EXPIRING: {
    label: 'Certificate expiring',
    help: 'Fires when an HTTPS monitor’s certificate expires within the days set on that monitor (monitors without them never fire it).',
    watches: 'service',
    targetLabel: 'Monitor (monitor:<id>)',
    everyTarget: 'Every monitor',
    fields: [],
  },
  LOW_BATTERY: {
    label: 'Low battery',
    help: 'Fires when a Hubitat device’s last battery reading is below this share (20 % when left empty).',
    watches: 'device',
    targetLabel: 'Device (device:<id>)',
    everyTarget: 'Every device',
    fields: ['thresholdPercent'],
  },
  DEVICE_OFFLINE: {
    label: 'Device offline',
    help: 'Fires when a Hubitat device has been offline this long: its hub reports it offline, or it sent nothing at all for this long.',
    watches: 'device',
    targetLabel: 'Device (device:<id>)',
    everyTarget: 'Every device',
    fields: ['forSeconds'],
  },
  HSM_ALERT: {
    label: 'HSM alert',
    help: 'Fires when a hub’s Hubitat Safety Monitor raises an alert (intrusion, smoke, water…); resolves when it is cancelled or HSM is disarmed.',
    watches: 'hub',
    targetLabel: 'Hub id',
    everyTarget: 'Every hub',
    fields: [],
  },
};

/** The label of the forSeconds field: a duration to wait, or the window an error rate is measured over. */
export const forSecondsLabel = (kind: AlertRuleKind) =>
  kind === 'ERROR_RATE' ? 'Window (seconds)' : kind === 'BACKUP_STALE' ? 'Older than (seconds)' : 'For (seconds)';

/** The rule's condition in words, e.g. "3 failed checks in a row". */
export function condition(rule: AlertRuleFieldsFragment): string {
  const checks = `${rule.consecutiveChecks} ${rule.consecutiveChecks === 1 ? 'check' : 'checks in a row'}`;
  switch (rule.kind) {
    case 'SERVICE_DOWN': {
      const failed = `${rule.consecutiveChecks} failed ${rule.consecutiveChecks === 1 ? 'check' : 'checks in a row'}`;
      if (!rule.forSeconds) return failed;
      const down = `down for ${duration(rule.forSeconds)}`;
      return rule.consecutiveChecks > 1 ? `${down} and ${failed}` : down;
    }
    case 'LATENCY_ABOVE':
      return `above ${rule.thresholdMs ?? '?'} ms for ${checks}`;
    case 'BREAKER_OPEN':
      return rule.forSeconds ? `open for ${duration(rule.forSeconds)}` : 'as soon as it opens';
    case 'HUB_OFFLINE':
      return rule.forSeconds ? `offline for ${duration(rule.forSeconds)}` : 'as soon as it goes offline';
    case 'ERROR_RATE':
      return `over ${rule.thresholdPercent ?? '?'}% errors in ${duration(rule.forSeconds)}`;
    case 'BACKUP_STALE':
      return `no good backup for ${duration(rule.forSeconds)}`;
    case 'BACKUP_FAILED':
      return 'the newest attempt failed';
    case 'CERTIFICATE_EXPIRING':
      return 'within the monitor’s warning days';
    case 'HSM_ALERT':
      return 'as soon as HSM raises an alert';
    default:
      return '';
  }
}
