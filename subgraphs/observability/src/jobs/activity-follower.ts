import {
  eventChannel,
  fetchEventFeed,
  type DomainEvent,
  type EventBus,
  type InternalClient,
  type Logger,
} from '@switchyard/shared';
import type { ActivityRepository, OverviewRepository } from '../data/repositories.ts';
import { worthRecording, type Significance } from '../domain/activity.ts';
import { mirrorBreakerGauges } from './breaker-sync.ts';
import { FOLLOWED_AGGREGATES, sourceOf } from '../domain/events.ts';

export interface ActivityFollowerOptions {
  activity: ActivityRepository;
  overview: OverviewRepository;
  bus: EventBus;
  client: InternalClient;
  logger: Logger;
  /** Source subgraph name → its base URL. */
  sources: Record<string, string>;
  pollMs: number;
  /** Device events below this stay out of the feed. */
  deviceSignificance: Significance;
}

const PAGE = 500;
/**
 * An event's time is when its transaction started, so one that committed late can sort before
 * events already read: each poll re-reads this much before its cursor (ids de-duplicate).
 */
const OVERLAP_MS = 10_000;
const SYSTEM_CONTEXT = {
  principal: null,
  requestId: 'observability-activity',
  clientIp: null,
  userAgent: 'switchyard-observability',
};

/**
 * Fills the activity feed: polls each source's event feed from a stored cursor (catch-up
 * after downtime, and the only path without Redis, where the bus is per process), and follows
 * the bus for events as they happen. Ingestion is idempotent by event id, so both paths and
 * several replicas may deliver the same event.
 */
export function startActivityFollower({
  activity,
  overview,
  bus,
  client,
  logger,
  sources,
  pollMs,
  deviceSignificance,
}: ActivityFollowerOptions) {
  const stopping = new AbortController();

  // An entry's source is the service the event describes, not the feed that happened to deliver it
  // first (the gateway's feed relays other services' breaker events): who may read it depends on it.
  async function ingest(deliveredBy: string, events: DomainEvent[]): Promise<void> {
    const recorded = events.filter((event) => worthRecording(event, deviceSignificance));
    let added = 0;
    for (const event of recorded) added += await activity.ingest(sourceOf(event) ?? deliveredBy, [event]);
    if (added > 0 && recorded.some((event) => event.type === 'CircuitBreakerStateChanged'))
      await mirrorBreakerGauges(overview);
  }

  async function catchUp(source: string, baseUrl: string): Promise<void> {
    for (;;) {
      const cursor = await activity.cursorOf(source);
      const after = new Date(Math.max(0, (cursor?.getTime() ?? 0) - OVERLAP_MS)).toISOString();
      const events = await fetchEventFeed(client, baseUrl, SYSTEM_CONTEXT, { after, limit: PAGE });
      await ingest(source, events);
      const newest = events.at(-1);
      if (newest && (!cursor || new Date(newest.occurredAt) > cursor))
        await activity.saveCursor(source, new Date(newest.occurredAt));
      if (events.length < PAGE || !newest || (cursor && new Date(newest.occurredAt) <= cursor)) return;
    }
  }

  let polling: Promise<void> | null = null;
  const poll = () => {
    polling ??= Promise.all(
      Object.entries(sources).map(([source, baseUrl]) =>
        catchUp(source, baseUrl).catch((error) =>
          logger.debug({ err: error, source }, 'activity catch-up failed; retrying on the next poll'),
        ),
      ),
    ).then(() => void (polling = null));
    return polling;
  };
  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();
  void poll();

  const followers = Object.keys(FOLLOWED_AGGREGATES).map(async (aggregateType) => {
    for await (const event of bus.subscribe(eventChannel(aggregateType), stopping.signal)) {
      const source = sourceOf(event);
      if (!source || !(source in sources)) continue;
      await ingest(source, [event]).catch((error) =>
        logger.warn({ err: error, eventId: event.id }, 'activity ingest failed; the next poll catches up'),
      );
    }
  });

  return {
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await Promise.allSettled([...followers, polling]);
    },
  };
}
