import {
  eventChannel,
  fetchEventFeed,
  type DomainEvent,
  type EventBus,
  type EventFeed,
  type InternalClient,
  type Logger,
} from '@switchyard/shared';

export interface EventFeedFollowerOptions {
  /** For logs: who follows (activity, webhooks). */
  name: string;
  bus: EventBus;
  logger: Logger;
  /** Source name → its event feed (another service's /internal feed, or our own outbox). */
  feeds: Record<string, EventFeed>;
  pollMs: number;
  /** How far this follower has read a source; kept per follower, so each reads every event. */
  cursorOf(source: string): Promise<Date | null>;
  saveCursor(source: string, after: Date): Promise<void>;
  /** Applies events; must be idempotent by event id (both paths, and several replicas, deliver the same event). */
  ingest(source: string, events: DomainEvent[]): Promise<void>;
  /** The aggregates followed live on the bus, and the source of an event received there (null: not ours). */
  aggregates: readonly string[];
  sourceOf(event: DomainEvent): string | null;
}

const PAGE = 500;
/**
 * An event's time is when its transaction started, so one that committed late can sort before
 * events already read: each poll re-reads this much before its cursor (ids de-duplicate).
 */
const OVERLAP_MS = 10_000;

/**
 * Follows event feeds: polls each source's feed from a stored cursor (catch-up after downtime,
 * and the only path without Redis, where the bus is per process), and follows the bus for events
 * as they happen. The cursor moves only after `ingest` succeeded, so an event committed while this
 * process was down, or when it crashed mid-page, is read again.
 */
export function followEventFeeds(options: EventFeedFollowerOptions) {
  const { bus, logger, feeds, name } = options;
  const stopping = new AbortController();

  async function catchUp(source: string, feed: EventFeed): Promise<void> {
    for (;;) {
      const cursor = await options.cursorOf(source);
      const after = new Date(Math.max(0, (cursor?.getTime() ?? 0) - OVERLAP_MS));
      const events = await feed(after, PAGE);
      await options.ingest(source, events);
      const newest = events.at(-1);
      if (newest && (!cursor || new Date(newest.occurredAt) > cursor))
        await options.saveCursor(source, new Date(newest.occurredAt));
      if (events.length < PAGE || !newest || (cursor && new Date(newest.occurredAt) <= cursor)) return;
    }
  }

  let polling: Promise<void> | null = null;
  const poll = () => {
    polling ??= Promise.all(
      Object.entries(feeds).map(([source, feed]) =>
        catchUp(source, feed).catch((error) =>
          logger.debug({ err: error, source, follower: name }, 'event catch-up failed; retrying on the next poll'),
        ),
      ),
    ).then(() => void (polling = null));
    return polling;
  };
  const timer = setInterval(() => void poll(), options.pollMs);
  timer.unref();
  void poll();

  const followers = options.aggregates.map(async (aggregateType) => {
    for await (const event of bus.subscribe(eventChannel(aggregateType), stopping.signal)) {
      const source = options.sourceOf(event);
      if (!source || !(source in feeds)) continue;
      await options
        .ingest(source, [event])
        .catch((error) =>
          logger.warn(
            { err: error, eventId: event.id, follower: name },
            'event ingest failed; the next poll catches up',
          ),
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

const SYSTEM_CONTEXT = {
  principal: null,
  requestId: 'observability-event-feed',
  clientIp: null,
  userAgent: 'switchyard-observability',
};

/** Another service's event feed, read over its signed /internal route. */
export function remoteEventFeed(client: InternalClient, baseUrl: string): EventFeed {
  return (after, limit) => fetchEventFeed(client, baseUrl, SYSTEM_CONTEXT, { after: after.toISOString(), limit });
}
