import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { DomainEvent } from './event-bus.ts';
import type { RawSqlClient } from './outbox.ts';

/**
 * `GET /internal/events?after=<ISO time>&limit=<n>`: a service's domain events, oldest first.
 * Consumers that must not miss anything while they were down (the activity feed) catch up here,
 * then follow the bus; they de-duplicate by event id. Subgraphs serve their outbox; the gateway,
 * which has no database, the events it keeps in memory.
 */
export const EVENT_FEED_PATH = '/internal/events';

/** Events that occurred strictly after `after`, oldest first, at most `limit`. */
export type EventFeed = (after: Date, limit: number) => Promise<DomainEvent[]>;

const querySchema = z.object({
  after: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** Serves `feed` at EVENT_FEED_PATH; `router` must check the internal signature first. */
export function mountEventFeedRoute(router: Router, feed: EventFeed): void {
  router.get(EVENT_FEED_PATH, eventFeedHandler(feed));
}

export function eventFeedHandler(feed: EventFeed): RequestHandler {
  return async (req, res, next) => {
    const query = querySchema.safeParse(req.query);
    if (!query.success) {
      res.status(400).json({ error: 'expected ?after=<ISO-8601 time>&limit=<1..1000>' });
      return;
    }
    try {
      res.json({ events: await feed(new Date(query.data.after ?? 0), query.data.limit) });
    } catch (error) {
      next(error);
    }
  };
}

/** A subgraph's feed: its "OutboxEvent" table. */
export function outboxEventFeed(outbox: RawSqlClient): EventFeed {
  return async (after, limit) => {
    const rows = await outbox.$queryRawUnsafe<(Omit<DomainEvent, 'occurredAt'> & { occurredAt: Date })[]>(
      `SELECT "id", "type", "aggregateType", "aggregateId", "sequence", "payload", "actor", "occurredAt"
       FROM "OutboxEvent" WHERE "occurredAt" > $1 ORDER BY "occurredAt", "id" LIMIT $2`,
      after,
      limit,
    );
    return rows.map((row) => ({ ...row, sequence: Number(row.sequence), occurredAt: new Date(row.occurredAt).toISOString() }));
  };
}

/**
 * A feed of the last `capacity` events of a process without a database; older ones are dropped,
 * and a restart forgets them all (consumers that were following the bus have them already).
 */
export function createMemoryEventFeed(capacity: number) {
  const events: DomainEvent[] = [];
  const feed: EventFeed = async (after, limit) => {
    const since = after.getTime();
    // A stable sort: events of the same millisecond stay in the order they happened.
    return events
      .filter((event) => Date.parse(event.occurredAt) > since)
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
      .slice(0, limit);
  };
  return {
    feed,
    append(event: DomainEvent): void {
      events.push(event);
      if (events.length > capacity) events.splice(0, events.length - capacity);
    },
  };
}
