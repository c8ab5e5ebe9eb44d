import { olderThanTask, type RetentionTask } from '@switchyard/shared';
import type { ObservabilityConfig } from '../config.ts';
import type { CheckRepository } from './repositories.ts';

const HOUR_MS = 3_600_000;

/**
 * What observability prunes besides its outbox: the activity feed, raw checks and their hourly
 * roll-ups, webhook deliveries. Raw checks go in whole hours, and only once their hours are rolled up (the roll-up runs
 * first on every pass, so a checker that has not compacted for a while loses nothing).
 */
export function observabilityRetention(checks: CheckRepository, config: ObservabilityConfig): RetentionTask[] {
  return [
    olderThanTask('ActivityEntry', 'occurredAt', config.activityRetentionDays),
    olderThanTask('ServiceCheck', 'checkedAt', config.checks.rawRetentionDays, {
      cutoff: (olderThan) => new Date(Math.floor(olderThan.getTime() / HOUR_MS) * HOUR_MS),
      before: (cutoff) => checks.rollUp(cutoff),
    }),
    olderThanTask('ServiceCheckHourly', 'hour', config.checks.rollupRetentionDays),
    // Their attempts go with them (ON DELETE CASCADE).
    olderThanTask('WebhookDelivery', 'createdAt', config.webhooks.deliveryRetentionDays),
  ];
}
