import {
  EVENTS_GAP,
  appendToOutbox,
  createInProcessEventBus,
  eventStream,
  outboxRetentionTask,
  runRetentionPass,
  type DomainEvent,
  type Logger,
  type RawSqlClient,
} from '@switchyard/shared';
import { TEST_BACKENDS, freshDatabaseUrl } from '@switchyard/testing';
import { dropDatabase, openPrismaDatabase } from '@switchyard/prisma';
import { Registry } from 'prom-client';
import { PrismaClient } from '../src/generated/prisma/client.ts';

// Outbox retention on a real stores database: only a published, old prefix of the log goes, and a
// subscription resuming from a pruned cursor is told of the gap.
const AGGREGATE = 'RetentionTest';

function captureLogger() {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (details: Record<string, unknown>, message: string) =>
    void lines.push({ level, details, message });
  return { lines, logger: { info: at('info'), debug: at('debug'), error: at('error') } as unknown as Logger };
}

describe.each(TEST_BACKENDS)('outbox retention (%s)', (backend) => {
  const url = backend === 'postgresql' ? freshDatabaseUrl('stores') : undefined;
  let database: Awaited<ReturnType<typeof openPrismaDatabase<PrismaClient>>>;
  let db: PrismaClient;
  const bus = createInProcessEventBus();

  beforeAll(async () => {
    database = await openPrismaDatabase(
      'stores',
      { url, dataDir: 'memory://', poolSize: 5 },
      (adapter) => new PrismaClient({ adapter }),
    );
    db = database.db;
  });
  afterAll(async () => {
    await bus.close();
    await database?.close();
    if (url) await dropDatabase(url);
  });

  /** One event per transaction, so each has its own position; `daysAgo` back-dates when it occurred. */
  async function append(label: string, daysAgo: number, published: boolean) {
    const event = await db.$transaction((tx) =>
      appendToOutbox(tx as unknown as RawSqlClient, {
        type: 'Tested',
        aggregateType: AGGREGATE,
        aggregateId: label,
        actor: null,
        payload: { label },
      }),
    );
    await db.$executeRawUnsafe(
      `UPDATE "OutboxEvent" SET "occurredAt" = now() - $2 * interval '1 day',
         "publishedAt" = CASE WHEN $3 THEN now() END WHERE "id" = $1::uuid`,
      event.id,
      daysAgo,
      published,
    );
    return event;
  }

  const labels = async () =>
    (
      await db.$queryRawUnsafe<{ label: string }[]>(
        `SELECT "payload"->>'label' AS label FROM "OutboxEvent" WHERE "aggregateType" = $1 ORDER BY "position"`,
        AGGREGATE,
      )
    ).map((row) => row.label);
  const positionOf = async (id: string) =>
    String(
      (
        await db.$queryRawUnsafe<{ position: bigint }[]>(
          `SELECT "position" FROM "OutboxEvent" WHERE "id" = $1::uuid`,
          id,
        )
      )[0]!.position,
    );
  const highest = async () =>
    String((await db.$queryRawUnsafe<{ max: bigint }[]>(`SELECT MAX("position") AS max FROM "OutboxEvent"`))[0]!.max);

  it('removes only the published prefix older than the cutoff, in batches, and counts and logs it', async () => {
    const events: Record<string, DomainEvent> = {};
    const positions: Record<string, string> = {};
    for (const [label, daysAgo, published] of [
      ['a', 10, true],
      ['b', 10, true],
      ['c', 9, true],
      ['d', 9, true],
      ['e', 8, true],
      ['unpublished', 8, false],
      ['after-unpublished', 8, true],
      ['recent', 1, true],
      // Committed after a recent event although it began long ago: it stays with what follows "recent".
      ['late', 8, true],
      ['newest', 0, true],
    ] as const) {
      events[label] = await append(label, daysAgo, published);
      positions[label] = await positionOf(events[label].id);
    }

    const registry = new Registry();
    const { lines, logger } = captureLogger();
    const pass = () =>
      runRetentionPass({ db, logger, registry, tasks: [outboxRetentionTask(db, 7)], batchSize: 2, pauseMs: 0 });
    const counted = async () =>
      (await registry.getSingleMetric('retention_pruned_rows_total')!.get()).values.find(
        (value) => value.labels.table === 'OutboxEvent',
      )?.value;

    expect(await pass()).toEqual({ OutboxEvent: 5 });
    expect(await labels()).toEqual(['unpublished', 'after-unpublished', 'recent', 'late', 'newest']);
    expect(await counted()).toBe(5);
    expect(lines.filter((line) => line.level === 'info')).toEqual([
      // Five in batches of two: three batches.
      expect.objectContaining({ details: expect.objectContaining({ table: 'OutboxEvent', removed: 5, batches: 3 }) }),
    ]);

    // A subscription resuming from a pruned event is told of the gap; one from a kept event gets all after it.
    const resume = (label: string) =>
      eventStream<{ label: string }>({
        bus,
        outbox: db,
        aggregateType: AGGREGATE,
        from: { after: { position: positions[label]!, id: events[label]!.id } },
        accept: () => true,
      });
    const gap = resume('e');
    expect((await gap.next()).value).toBe(EVENTS_GAP);
    await gap.return?.();
    const kept = resume('unpublished');
    const replayed: string[] = [];
    for (let i = 0; i < 4; i += 1)
      replayed.push(((await kept.next()).value as DomainEvent<{ label: string }>).payload.label);
    await kept.return?.();
    expect(replayed).toEqual(['after-unpublished', 'recent', 'late', 'newest']);

    // Nothing more goes while the unpublished event waits; once it is published, the prefix up to "recent" goes.
    expect(await pass()).toEqual({ OutboxEvent: 0 });
    expect(lines.filter((line) => line.level === 'info')).toHaveLength(1);
    await db.$executeRawUnsafe(
      `UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE "id" = $1::uuid`,
      events.unpublished!.id,
    );
    expect(await pass()).toEqual({ OutboxEvent: 2 });
    expect(await labels()).toEqual(['recent', 'late', 'newest']);
    expect(await counted()).toBe(7);
  });

  it('keeps the newest event when every event is old, so the highest position never goes back', async () => {
    const before = await highest();
    await db.$executeRawUnsafe(
      `UPDATE "OutboxEvent" SET "occurredAt" = now() - interval '30 days', "publishedAt" = now()`,
    );
    const { logger } = captureLogger();
    await runRetentionPass({
      db,
      logger,
      registry: new Registry(),
      tasks: [outboxRetentionTask(db, 7)],
      batchSize: 1,
      pauseMs: 0,
    });
    expect(await labels()).toEqual(['newest']);
    expect(await highest()).toBe(before);
  });

  it('keeps everything when retention is off', async () => {
    await append('kept-forever', 400, true);
    await append('after', 400, true);
    const { logger } = captureLogger();
    const removed = await runRetentionPass({
      db,
      logger,
      registry: new Registry(),
      tasks: [outboxRetentionTask(db, null)],
      batchSize: 10,
      pauseMs: 0,
    });
    expect(removed).toEqual({});
    expect(await labels()).toEqual(['newest', 'kept-forever', 'after']);
  });
});
