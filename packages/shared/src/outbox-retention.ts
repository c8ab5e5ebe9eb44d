import type { RawSqlClient } from './outbox.ts';
import type { RetentionTask } from './retention.ts';

/**
 * The outbox is a log that readers resume by position (subscriptions through eventStream, the
 * gateway's credential-revocation follower) or by time (the activity feed's /internal/events). So
 * retention only ever cuts a prefix of it, in commit order: an event goes when it was published,
 * occurred before the cutoff, and every event before it in position order goes too. The boundary
 * is the first position that must stay (an unpublished event, or one newer than the cutoff); the
 * newest event of the table always stays, so its highest position never goes backwards (the
 * revocation follower reads that as a replaced database, a subscription tail starts from it).
 *
 * What this promises a reader: an event is there, with every event after it, or it is gone with
 * every event before it. A subscription resuming from a pruned cursor gets EVENTS_GAP, never a
 * silent skip; a reader following by position or time that is less than the retention age
 * behind (the activity feed polls every few seconds) never misses an event.
 *
 * Not kept: the newest event per aggregate. Nothing replays an aggregate's history from the outbox,
 * and keeping one row per aggregate would keep every one-event aggregate (each sign-in, each
 * activity entry) forever. An aggregate whose events have all gone and that gets a new one without
 * an explicit sequence starts again at 1 (stores' events carry the store's version and do not).
 */
export function outboxRetentionTask(db: RawSqlClient, retentionDays: number | null): RetentionTask {
  return {
    table: 'OutboxEvent',
    retentionDays,
    async select(cutoff) {
      // Walks the position index from the oldest event to the first that stays: the rows it passes
      // are the ones the batches then delete.
      const [row] = await db.$queryRawUnsafe<{ boundary: bigint | string | null }[]>(
        `SELECT COALESCE(
           (SELECT "position" FROM "OutboxEvent"
            WHERE "position" IS NOT NULL AND ("publishedAt" IS NULL OR "occurredAt" >= $1::timestamp)
            ORDER BY "position" LIMIT 1),
           (SELECT MAX("position") FROM "OutboxEvent")) AS "boundary"`,
        cutoff,
      );
      if (row?.boundary === null || row?.boundary === undefined) return null;
      return { where: `"position" < $1::bigint`, params: [String(row.boundary)], orderBy: `"position"` };
    },
  };
}
