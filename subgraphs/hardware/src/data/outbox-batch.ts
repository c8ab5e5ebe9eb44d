import type { NewDomainEvent, RawSqlClient } from '@switchyard/shared';
import { randomUUID } from 'node:crypto';

/**
 * appendToOutbox for many events in one statement (a burst of device events is hundreds per
 * transaction; one INSERT each is what made bursts slow). Same table, same semantics: each
 * aggregate's events get the sequence numbers after its last one, in the order given. A candidate
 * for packages/shared/src/outbox.ts next to appendToOutbox.
 */
export async function appendManyToOutbox(tx: RawSqlClient, events: readonly NewDomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ordinalInAggregate = new Map<string, number>();
  const ordinals = events.map((event) => {
    const key = `${event.aggregateType}\u0000${event.aggregateId}`;
    const next = (ordinalInAggregate.get(key) ?? 0) + 1;
    ordinalInAggregate.set(key, next);
    return next;
  });
  await tx.$executeRawUnsafe(
    `INSERT INTO "OutboxEvent" ("id", "type", "aggregateType", "aggregateId", "sequence", "payload", "actor")
     SELECT e.id, e.type, e.aggregate_type, e.aggregate_id,
       COALESCE((SELECT MAX(o."sequence") FROM "OutboxEvent" o WHERE o."aggregateType" = e.aggregate_type AND o."aggregateId" = e.aggregate_id), 0) + e.ordinal,
       e.payload::jsonb, e.actor::jsonb
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
       AS e(id, type, aggregate_type, aggregate_id, ordinal, payload, actor)`,
    events.map(() => randomUUID()),
    events.map((e) => e.type),
    events.map((e) => e.aggregateType),
    events.map((e) => e.aggregateId),
    ordinals,
    events.map((e) => JSON.stringify(e.payload)),
    events.map((e) => (e.actor ? JSON.stringify(e.actor) : null)),
  );
}
