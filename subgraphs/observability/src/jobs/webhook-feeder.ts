import type { DomainEvent, EventBus, EventFeed, Logger } from '@switchyard/shared';
import type { ActivityRepository, AlertRepository, WebhookRepository } from '../data/repositories.ts';
import { ALERT_AGGREGATE, FOLLOWED_AGGREGATES, sourceOf } from '../domain/events.ts';
import { toWebhookEvent, webhookTypeOf } from '../domain/webhook-events.ts';
import { followEventFeeds } from './event-feed-follower.ts';

export interface WebhookFeederOptions {
  webhooks: WebhookRepository;
  alerts: AlertRepository;
  /** Where the cursors live (the activity feed's table, under keys of their own). */
  activity: Pick<ActivityRepository, 'cursorOf' | 'saveCursor'>;
  bus: EventBus;
  logger: Logger;
  /** Every other service's feed and our own outbox's (alerts). */
  feeds: Record<string, EventFeed>;
  pollMs: number;
  /** Something new is owed. */
  onOwed: () => void;
}

const CURSOR_PREFIX = 'webhooks:';

/**
 * Turns every committed domain event of a webhook type into deliveries owed: it reads the same
 * feeds as the activity feed, but from cursors of its own and unfiltered (the activity feed skips
 * minor device events; a webhook subscriber gets all of them). The cursor moves only after the
 * deliveries are written, so an event committed while observability was down, or killed mid-page,
 * is still owed; writing them twice owes them once.
 */
export function startWebhookFeeder({ webhooks, alerts, activity, onOwed, ...options }: WebhookFeederOptions) {
  async function ingest(_source: string, events: DomainEvent[]): Promise<void> {
    let owed = 0;
    for (const event of events) {
      if (!webhookTypeOf(event)) continue;
      const alert =
        event.aggregateType === ALERT_AGGREGATE
          ? await alerts.findById((event.payload as { alertId: string }).alertId)
          : null;
      const webhookEvent = toWebhookEvent(event, alert);
      if (webhookEvent) owed += await webhooks.enqueue(webhookEvent, event.sequence);
    }
    if (owed > 0) onOwed();
  }

  return followEventFeeds({
    ...options,
    name: 'webhooks',
    cursorOf: (source) => activity.cursorOf(CURSOR_PREFIX + source),
    saveCursor: (source, after) => activity.saveCursor(CURSOR_PREFIX + source, after),
    ingest,
    aggregates: [...Object.keys(FOLLOWED_AGGREGATES), ALERT_AGGREGATE],
    sourceOf: (event) => (event.aggregateType === ALERT_AGGREGATE ? 'observability' : sourceOf(event)),
  });
}
