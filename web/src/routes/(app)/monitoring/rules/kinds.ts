import type { AlertRuleFieldsFragment, AlertRuleKind } from '$lib/graphql/generated/graphql.js';
import { duration } from '../format.js';

export type RuleField = 'thresholdMs' | 'thresholdPercent' | 'consecutiveChecks' | 'forSeconds';

/** What each rule kind watches and which of the rule's numbers it reads (the rest are ignored by the API). */
export const KINDS: Record<
  AlertRuleKind,
  {
    label: string;
    help: string;
    watches: 'service' | 'breaker' | 'hub';
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
};

/** The label of the forSeconds field: a duration to wait, or the window an error rate is measured over. */
export const forSecondsLabel = (kind: AlertRuleKind) => (kind === 'ERROR_RATE' ? 'Window (seconds)' : 'For (seconds)');

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
    default:
      return '';
  }
}
