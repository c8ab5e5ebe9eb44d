import { createAsyncQueue, type AsyncQueue } from './async-queue.ts';
import type { DomainEvent, EventBus } from './event-bus.ts';
import { eventChannel, type RawSqlClient } from './outbox.ts';

/**
 * Where an event sits in its subgraph's outbox. Positions are given at commit, under a lock held
 * until the commit is visible (see the outbox migration's trigger), so they become visible in
 * increasing order: once position N has been read, no event at a position below N can appear later.
 * That is what lets a reader resume "after N" without ever skipping a committed event.
 */
export interface OutboxPosition {
  position: string;
  id: string;
}

/**
 * Where a subscription starts: right after an event it already has (a resume from a cursor), or
 * with what committed since an instant (a new subscriber's short look-back, so a change made while
 * its subscribe was on the way is not missed; ids de-duplicate downstream).
 */
export type ReplayPoint = { after: OutboxPosition } | { since: Date };

/** Yielded once, first, by a stream asked to resume after a position its outbox does not hold. */
export const EVENTS_GAP = Symbol('events-gap');

export interface EventStreamOptions<TPayload> {
  bus: EventBus;
  /** The subgraph's database: its outbox is the log every subscriber reads, in position order. */
  outbox: RawSqlClient;
  aggregateType: string;
  from: ReplayPoint | null;
  /** Which events this subscriber receives: its arguments and what it may read. */
  accept: (event: DomainEvent<TPayload>) => boolean | Promise<boolean>;
}

type OutboxRow = Omit<DomainEvent, 'occurredAt' | 'position'> & { occurredAt: Date; position: bigint | string };

const COLUMNS = `"id", "type", "aggregateType", "aggregateId", "sequence", "payload", "actor", "occurredAt", "position"`;
const PAGE = 500;
/** How often a tail reads its outbox without a wake-up from the bus (which is at-most-once). */
const POLL_MS = 1_000;
/** Events a subscriber may fall behind by before it is ended (the gateway then resumes it from its cursor). */
const MAX_BUFFERED = 10_000;

/**
 * The events a subscription resolver yields, each once and in commit order: first those after the
 * replay point, read from the outbox, then new ones as they commit. New ones also come from the
 * outbox: one tail per process and aggregate type reads it whenever the bus says something was
 * published (and every second regardless), and hands each event to every local subscriber. The
 * bus carries wake-ups, not data, so an event published while Redis was away is still delivered.
 */
export function eventStream<TPayload>(
  options: EventStreamOptions<TPayload>,
): AsyncIterableIterator<DomainEvent<TPayload> | typeof EVENTS_GAP> {
  const { outbox, aggregateType, from, accept } = options;
  const queue = createAsyncQueue<DomainEvent<TPayload>>(
    MAX_BUFFERED,
    () => new Error(`a ${aggregateType} subscriber fell ${MAX_BUFFERED} events behind; resubscribe to resume`),
  );
  const tail = tailFor(options.bus, outbox, aggregateType);

  async function* produce(): AsyncGenerator<DomainEvent<TPayload> | typeof EVENTS_GAP> {
    const liveAfter = await tail.add(queue as AsyncQueue<DomainEvent>);
    try {
      if (from) {
        const start = 'after' in from ? await resumePoint(outbox, aggregateType, from.after) : { after: 0n };
        if (start === null) yield EVENTS_GAP;
        else {
          const since = 'since' in from ? from.since : null;
          for await (const event of readRange<TPayload>(outbox, aggregateType, start.after, liveAfter, since))
            if (await accept(event)) yield event;
        }
      }
      for await (const event of queue) if (await accept(event)) yield event;
    } finally {
      tail.remove(queue as AsyncQueue<DomainEvent>);
    }
  }

  const events = produce();
  // return() ends the wait for the next event at once: an async generator alone would only see it
  // after one more event arrived, keeping an unsubscribed listener until then.
  return {
    next: () => events.next(),
    return: (value?: unknown) => {
      queue.close();
      return events.return(value as never);
    },
    throw: (error?: unknown) => {
      queue.close();
      return events.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** The position after which a resume replays, or null when the cursor's event is not in this outbox. */
async function resumePoint(
  outbox: RawSqlClient,
  aggregateType: string,
  after: OutboxPosition,
): Promise<{ after: bigint } | null> {
  if (!/^\d{1,19}$/.test(after.position)) return null;
  const rows = await outbox.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "OutboxEvent" WHERE "position" = $1::bigint AND "id"::text = $2 AND "aggregateType" = $3`,
    after.position,
    after.id,
    aggregateType,
  );
  return rows.length > 0 ? { after: BigInt(after.position) } : null;
}

/** Events in (after, upTo], oldest first, page by page; with `since`, only those that occurred after it. */
async function* readRange<TPayload>(
  outbox: RawSqlClient,
  aggregateType: string,
  after: bigint,
  upTo: bigint,
  since: Date | null,
): AsyncGenerator<DomainEvent<TPayload>> {
  let cursor = after;
  while (cursor < upTo) {
    const rows = await outbox.$queryRawUnsafe<OutboxRow[]>(
      `SELECT ${COLUMNS} FROM "OutboxEvent"
       WHERE "aggregateType" = $1 AND "position" > $2::bigint AND "position" <= $3::bigint
         AND ($4::timestamptz IS NULL OR "occurredAt" > $4::timestamptz)
       ORDER BY "position" LIMIT ${PAGE}`,
      aggregateType,
      cursor.toString(),
      upTo.toString(),
      since,
    );
    for (const row of rows) yield toEvent(row) as DomainEvent<TPayload>;
    if (rows.length < PAGE) return;
    cursor = BigInt(rows.at(-1)!.position);
  }
}

function toEvent(row: OutboxRow): DomainEvent {
  return {
    ...row,
    sequence: Number(row.sequence),
    occurredAt: new Date(row.occurredAt).toISOString(),
    position: String(row.position),
  };
}

interface Tail {
  /** Registers a subscriber; resolves to the position after which it receives events live. */
  add(queue: AsyncQueue<DomainEvent>): Promise<bigint>;
  remove(queue: AsyncQueue<DomainEvent>): void;
}

const tails = new WeakMap<RawSqlClient, Map<string, Tail>>();

function tailFor(bus: EventBus, outbox: RawSqlClient, aggregateType: string): Tail {
  let byType = tails.get(outbox);
  if (!byType) tails.set(outbox, (byType = new Map()));
  let tail = byType.get(aggregateType);
  if (!tail) byType.set(aggregateType, (tail = createTail(bus, outbox, aggregateType)));
  return tail;
}

/**
 * Follows one aggregate type's events in the outbox for all of this process's subscribers: one
 * query per wake-up however many subscribe. It runs from its first subscriber on and idles (no
 * queries) while it has none.
 */
function createTail(bus: EventBus, outbox: RawSqlClient, aggregateType: string): Tail {
  const listeners = new Set<AsyncQueue<DomainEvent>>();
  let last = 0n;
  let reading: Promise<void> | null = null;
  let again = false;

  const started = (async () => {
    const rows = await outbox.$queryRawUnsafe<{ last: bigint | string | null }[]>(
      `SELECT MAX("position") AS "last" FROM "OutboxEvent" WHERE "aggregateType" = $1`,
      aggregateType,
    );
    last = BigInt(rows[0]?.last ?? 0);
    void (async () => {
      for await (const _ of bus.subscribe(eventChannel(aggregateType))) wake();
    })().catch(() => undefined);
    setInterval(wake, POLL_MS).unref();
  })();
  // A tail that could not start is forgotten, so the next subscriber tries again.
  started.catch(() => tails.get(outbox)?.delete(aggregateType));

  async function readNew(): Promise<void> {
    for (;;) {
      const rows = await outbox.$queryRawUnsafe<OutboxRow[]>(
        `SELECT ${COLUMNS} FROM "OutboxEvent" WHERE "aggregateType" = $1 AND "position" > $2::bigint
         ORDER BY "position" LIMIT ${PAGE}`,
        aggregateType,
        last.toString(),
      );
      for (const row of rows) {
        const event = toEvent(row);
        last = BigInt(row.position);
        for (const listener of listeners) listener.push(event);
      }
      if (rows.length < PAGE) return;
    }
  }

  function wake(): void {
    if (listeners.size === 0) return;
    if (reading) {
      again = true;
      return;
    }
    reading = (async () => {
      do {
        again = false;
        await readNew();
      } while (again && listeners.size > 0);
    })()
      // The database is away: the next wake-up or poll reads from the same position.
      .catch(() => undefined)
      .finally(() => (reading = null));
  }

  return {
    async add(queue) {
      await started;
      // Synchronous from here: the queue receives exactly the events after `last`.
      listeners.add(queue);
      return last;
    },
    remove: (queue) => void listeners.delete(queue),
  };
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
