import type { DomainEvent, EventBus, EventFeed, Logger } from '@switchyard/shared';
import type { ActivityRepository, DeviceRepository, OverviewRepository } from '../data/repositories.ts';
import { worthRecording, type Significance } from '../domain/activity.ts';
import { mirrorBreakerGauges } from './breaker-sync.ts';
import { FOLLOWED_AGGREGATES, sourceOf } from '../domain/events.ts';
import { followEventFeeds } from './event-feed-follower.ts';

export interface ActivityFollowerOptions {
  activity: ActivityRepository;
  overview: OverviewRepository;
  /** Every device event (recorded in the feed or not) keeps the devices' battery and health current. */
  devices: DeviceRepository;
  bus: EventBus;
  logger: Logger;
  /** Source subgraph name → its event feed. */
  feeds: Record<string, EventFeed>;
  pollMs: number;
  /** Device events below this stay out of the feed. */
  deviceSignificance: Significance;
}

/**
 * Fills the activity feed from every other service's events (see followEventFeeds). Ingestion is
 * idempotent by event id, so both paths and several replicas may deliver the same event.
 */
export function startActivityFollower({
  activity,
  overview,
  devices,
  deviceSignificance,
  ...options
}: ActivityFollowerOptions) {
  // An entry's source is the service the event describes, not the feed that happened to deliver it
  // first (the gateway's feed relays other services' breaker events): who may read it depends on it.
  async function ingest(deliveredBy: string, events: DomainEvent[]): Promise<void> {
    // Battery readings are low-significance events the feed usually leaves out: the projection sees them all.
    await devices.project(events);
    const recorded = events.filter((event) => worthRecording(event, deviceSignificance));
    let added = 0;
    for (const event of recorded) added += await activity.ingest(sourceOf(event) ?? deliveredBy, [event]);
    if (added > 0 && recorded.some((event) => event.type === 'CircuitBreakerStateChanged'))
      await mirrorBreakerGauges(overview);
  }

  return followEventFeeds({
    ...options,
    name: 'activity',
    cursorOf: (source) => activity.cursorOf(source),
    saveCursor: (source, after) => activity.saveCursor(source, after),
    ingest,
    aggregates: Object.keys(FOLLOWED_AGGREGATES),
    sourceOf,
  });
}
