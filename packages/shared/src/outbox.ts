import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventBus } from './event-bus.ts';
import type { Logger } from './logger.ts';

/**
 * Transactional outbox. A subgraph writes its domain events into its own "OutboxEvent" table in
 * the same transaction as the change (appendToOutbox), so an event exists exactly when the change
 * committed. The relay publishes unpublished rows to the event bus and marks them, at least once:
 * a process killed between commit and publish publishes after restart. Consumers de-duplicate by
 * event id.
 *
 * Every subgraph's schema.prisma carries the same model:
 *
 *   model OutboxEvent {
 *     id            String    @id @db.Uuid
 *     type          String
 *     aggregateType String
 *     aggregateId   String
 *     sequence      Int
 *     payload       Json
 *     actor         Json?
 *     occurredAt    DateTime  @default(now())
 *     publishedAt   DateTime?
 *     position      BigInt?   @unique
 *     @@unique([aggregateType, aggregateId, sequence])
 *     @@index([publishedAt, occurredAt])
 *     @@index([aggregateType, position])
 *   }
 *
 * plus, in the migration that adds `position`, the sequence and the deferred trigger that number
 * events at commit (see eventStream: subscribers read the outbox by position).
 */

/** The subset of a Prisma client (or transaction client) the outbox needs. */
export interface RawSqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

export interface TransactionalSqlClient extends RawSqlClient {
  $transaction<T>(work: (tx: RawSqlClient) => Promise<T>): Promise<T>;
}

export type NewDomainEvent<TPayload = unknown> = Omit<DomainEvent<TPayload>, 'id' | 'occurredAt' | 'sequence'> & {
  /** Per-aggregate order; omit to take the next number after the aggregate's last event. */
  sequence?: number;
};

/** Call inside the transaction that makes the change. Returns the event as it will be published. */
export async function appendToOutbox<TPayload>(
  tx: RawSqlClient,
  event: NewDomainEvent<TPayload>,
): Promise<DomainEvent<TPayload>> {
  const id = randomUUID();
  const rows = await tx.$queryRawUnsafe<{ sequence: number; occurredAt: Date }[]>(
    `INSERT INTO "OutboxEvent" ("id", "type", "aggregateType", "aggregateId", "sequence", "payload", "actor")
     VALUES ($1::uuid, $2, $3, $4,
       COALESCE($5::int, (SELECT COALESCE(MAX("sequence"), 0) + 1 FROM "OutboxEvent" WHERE "aggregateType" = $3 AND "aggregateId" = $4)),
       $6::jsonb, $7::jsonb)
     RETURNING "sequence", "occurredAt"`,
    id,
    event.type,
    event.aggregateType,
    event.aggregateId,
    event.sequence ?? null,
    JSON.stringify(event.payload),
    event.actor ? JSON.stringify(event.actor) : null,
  );
  const row = rows[0]!;
  return { ...event, id, sequence: Number(row.sequence), occurredAt: new Date(row.occurredAt).toISOString() };
}

/**
 * appendToOutbox for many events in one statement (a burst of device events is hundreds per
 * transaction; one INSERT each is what made bursts slow). Same semantics: an event without a
 * sequence gets the numbers after its aggregate's last one, in the order given.
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
       COALESCE(e.sequence, COALESCE((SELECT MAX(o."sequence") FROM "OutboxEvent" o WHERE o."aggregateType" = e.aggregate_type AND o."aggregateId" = e.aggregate_id), 0) + e.ordinal),
       e.payload::jsonb, e.actor::jsonb
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[])
       AS e(id, type, aggregate_type, aggregate_id, sequence, ordinal, payload, actor)`,
    events.map(() => randomUUID()),
    events.map((e) => e.type),
    events.map((e) => e.aggregateType),
    events.map((e) => e.aggregateId),
    events.map((e) => e.sequence ?? null),
    ordinals,
    events.map((e) => JSON.stringify(e.payload)),
    events.map((e) => (e.actor ? JSON.stringify(e.actor) : null)),
  );
}

/** Events travel on one channel per aggregate type, e.g. `events.Store`. */
export function eventChannel(aggregateType: string): string {
  return `events.${aggregateType}`;
}

export interface OutboxRelayOptions {
  db: TransactionalSqlClient;
  bus: EventBus;
  logger: Logger;
  /** Fallback polling interval; `nudge()` after a commit publishes at once. */
  intervalMs?: number;
  batchSize?: number;
  /**
   * A publish that takes longer fails the batch: its transaction rolls back and releases the rows
   * (and the connection) instead of holding them while the bus (Redis) is away; the next round retries.
   */
  publishTimeoutMs?: number;
  /** Fault injection (OUTBOX_FAULT=crash-before-publish): the process kills itself (SIGKILL) right after a commit, before publishing. */
  crashBeforePublish?: boolean;
}

export interface OutboxRelay {
  /** Publishes pending events now (call after a transaction that appended some commits). */
  nudge(): void;
  /** Resolves when everything pending at the time of the call has been published. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  payload: unknown;
  actor: DomainEvent['actor'];
  occurredAt: Date;
}

export function startOutboxRelay({
  db,
  bus,
  logger,
  intervalMs = 1_000,
  batchSize = 200,
  publishTimeoutMs = 5_000,
  crashBeforePublish = false,
}: OutboxRelayOptions): OutboxRelay {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  // Rows are locked while they are published (SKIP LOCKED), so replicas never publish the same row concurrently.
  async function publishBatch(): Promise<number> {
    return db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
        `SELECT "id", "type", "aggregateType", "aggregateId", "sequence", "payload", "actor", "occurredAt"
         FROM "OutboxEvent" WHERE "publishedAt" IS NULL
         ORDER BY "occurredAt", "aggregateId", "sequence" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        batchSize,
      );
      for (const row of rows) {
        const event: DomainEvent = {
          ...row,
          sequence: Number(row.sequence),
          occurredAt: new Date(row.occurredAt).toISOString(),
        };
        await publishWithin(bus.publish(eventChannel(row.aggregateType), event), publishTimeoutMs);
      }
      if (rows.length > 0) {
        await tx.$executeRawUnsafe(
          `UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE "id" = ANY($1::uuid[])`,
          rows.map((r) => r.id),
        );
      }
      return rows.length;
    });
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      try {
        while (!stopped && (await publishBatch()) === batchSize);
      } catch (error) {
        logger.error({ err: error }, 'outbox relay failed; will retry');
      }
    } while (again && !stopped);
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  void run();

  return {
    nudge() {
      if (crashBeforePublish) {
        logger.warn('OUTBOX_FAULT=crash-before-publish: killing the process after commit, before publishing');
        process.kill(process.pid, 'SIGKILL');
      }
      void run();
    },
    async flush() {
      await run();
      if (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}

async function publishWithin(publishing: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the event bus did not take an event within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([publishing, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
