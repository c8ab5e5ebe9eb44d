import type { Router } from 'express';
import { z } from 'zod';
import type { DomainEvent } from './event-bus.ts';
import type { RawSqlClient } from './outbox.ts';

/**
 * `GET /internal/events?after=<ISO time>&limit=<n>`: a subgraph's domain events from its outbox,
 * oldest first. Consumers that must not miss anything while they were down (the activity feed)
 * catch up here, then follow the bus; they de-duplicate by event id.
 */
export const OUTBOX_FEED_PATH = '/internal/events';

const querySchema = z.object({
  after: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export function mountOutboxFeedRoute(router: Router, outbox: RawSqlClient): void {
  router.get(OUTBOX_FEED_PATH, async (req, res, next) => {
    const query = querySchema.safeParse(req.query);
    if (!query.success) {
      res.status(400).json({ error: 'expected ?after=<ISO-8601 time>&limit=<1..1000>' });
      return;
    }
    try {
      const rows = await outbox.$queryRawUnsafe<(Omit<DomainEvent, 'occurredAt'> & { occurredAt: Date })[]>(
        `SELECT "id", "type", "aggregateType", "aggregateId", "sequence", "payload", "actor", "occurredAt"
         FROM "OutboxEvent" WHERE "occurredAt" > $1 ORDER BY "occurredAt", "id" LIMIT $2`,
        new Date(query.data.after ?? 0),
        query.data.limit,
      );
      res.json({ events: rows.map((row) => ({ ...row, sequence: Number(row.sequence), occurredAt: new Date(row.occurredAt).toISOString() })) });
    } catch (error) {
      next(error);
    }
  });
}
