import type { DomainEvent } from './event-bus.ts';
import type { RawSqlClient } from './outbox.ts';

/** Events that occurred strictly after `after`, oldest first, at most `limit`: what a service serves at the event feed route. */
export type EventFeed = (after: Date, limit: number) => Promise<DomainEvent[]>;

/** A subgraph's feed: its "OutboxEvent" table. */
export function outboxEventFeed(outbox: RawSqlClient): EventFeed {
  return async (after, limit) => {
    const rows = await outbox.$queryRawUnsafe<(Omit<DomainEvent, 'occurredAt'> & { occurredAt: Date })[]>(
      `SELECT "id", "type", "aggregateType", "aggregateId", "sequence", "payload", "actor", "occurredAt"
       FROM "OutboxEvent" WHERE "occurredAt" > $1 ORDER BY "occurredAt", "id" LIMIT $2`,
      after,
      limit,
    );
    return rows.map((row) => ({
      ...row,
      sequence: Number(row.sequence),
      occurredAt: new Date(row.occurredAt).toISOString(),
    }));
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
