import type { DomainEvent, EventBus } from './event-bus.ts';
import { eventChannel, type RawSqlClient } from './outbox.ts';

export interface EventStreamOptions<TPayload> {
  bus: EventBus;
  /** The subgraph's database: its outbox is also the log replayed after a reconnect. */
  outbox: RawSqlClient;
  aggregateType: string;
  /** Replay events that occurred after this instant before going live (set by the gateway when it resubscribes). */
  since: Date | null;
  /** Which events this subscriber receives: its arguments and what it may read. */
  accept: (event: DomainEvent<TPayload>) => boolean | Promise<boolean>;
  signal?: AbortSignal;
}

const SEEN_LIMIT = 10_000;

/**
 * The events a subscription resolver yields: first those of the outbox since `since` (so nothing
 * committed while the gateway was reconnecting is lost), then live ones from the bus; each event
 * once, by id, however often the bus delivers it.
 */
export async function* eventStream<TPayload>(
  options: EventStreamOptions<TPayload>,
): AsyncGenerator<DomainEvent<TPayload>> {
  const { bus, outbox, aggregateType, since, accept, signal } = options;
  // Listen before reading the log, so an event published in between is not missed.
  const live = bus.subscribe(eventChannel(aggregateType), signal);
  const seen = new Set<string>();
  const firstSight = (id: string) => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    return true;
  };
  try {
    if (since) {
      const rows = await outbox.$queryRawUnsafe<(Omit<DomainEvent<TPayload>, 'occurredAt'> & { occurredAt: Date })[]>(
        `SELECT "id", "type", "aggregateType", "aggregateId", "sequence", "payload", "actor", "occurredAt"
         FROM "OutboxEvent" WHERE "aggregateType" = $1 AND "occurredAt" > $2 ORDER BY "occurredAt", "sequence"`,
        aggregateType,
        since,
      );
      for (const row of rows) {
        const event = { ...row, sequence: Number(row.sequence), occurredAt: new Date(row.occurredAt).toISOString() };
        if (firstSight(event.id) && (await accept(event))) yield event;
      }
    }
    for await (const event of live as AsyncIterable<DomainEvent<TPayload>>) {
      if (firstSight(event.id) && (await accept(event))) yield event;
    }
  } finally {
    await live.return?.();
  }
}

export function isDomainEvent(value: unknown): value is DomainEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DomainEvent).id === 'string' &&
    typeof (value as DomainEvent).occurredAt === 'string' &&
    'aggregateType' in value
  );
}
