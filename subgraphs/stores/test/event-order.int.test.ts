import { randomUUID } from 'node:crypto';
import {
  EVENTS_GAP,
  appendToOutbox,
  createInProcessEventBus,
  createLogger,
  eventStream,
  startOutboxRelay,
  type DomainEvent,
  type RawSqlClient,
  type ReplayPoint,
} from '@switchyard/shared';
import { TEST_BACKENDS, eventually, freshDatabaseUrl } from '@switchyard/testing';
import { dropDatabase, openPrismaDatabase } from '@switchyard/prisma';
import { PrismaClient } from '../src/generated/prisma/client.ts';

// The outbox is the log subscriptions replay: these tests hold its promise, on a real stores database.
const AGGREGATE = 'OrderTest';

async function openOutbox(backend: string) {
  const url = backend === 'postgresql' ? freshDatabaseUrl('stores') : undefined;
  const database = await openPrismaDatabase(
    'stores',
    { url, dataDir: 'memory://', poolSize: 5 },
    (adapter) => new PrismaClient({ adapter }),
  );
  const bus = createInProcessEventBus();
  const relay = startOutboxRelay({ db: database.db, bus, logger: createLogger('test', 'silent'), intervalMs: 50 });
  return {
    db: database.db,
    bus,
    relay,
    append: (label: string) =>
      database.db.$transaction((tx) =>
        appendToOutbox(tx as unknown as RawSqlClient, {
          type: 'Tested',
          aggregateType: AGGREGATE,
          aggregateId: label,
          actor: null,
          payload: { label },
        }),
      ),
    stream: (from: ReplayPoint | null) =>
      eventStream<{ label: string }>({ bus, outbox: database.db, aggregateType: AGGREGATE, from, accept: () => true }),
    positionOf: async (id: string) =>
      String(
        (
          await database.db.$queryRawUnsafe<{ position: bigint }[]>(
            `SELECT "position" FROM "OutboxEvent" WHERE "id" = $1::uuid`,
            id,
          )
        )[0]!.position,
      ),
    async close() {
      await relay.stop();
      await bus.close();
      await database.close();
      if (url) await dropDatabase(url);
    },
  };
}

async function take(events: AsyncIterator<unknown>, count: number): Promise<unknown[]> {
  const taken: unknown[] = [];
  while (taken.length < count) {
    const next = await Promise.race([
      events.next(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`only ${taken.length} events came`)), 5_000)),
    ]);
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

const labels = (events: unknown[]) => events.map((event) => (event as DomainEvent<{ label: string }>).payload.label);

describe.each(TEST_BACKENDS)('outbox positions and event streams (%s)', (backend) => {
  let outbox: Awaited<ReturnType<typeof openOutbox>>;
  beforeEach(async () => (outbox = await openOutbox(backend)));
  afterEach(() => outbox.close());

  it('resumes after a cursor with every later event, once and in order, then goes on live', async () => {
    const written = [];
    for (const label of ['a', 'b', 'c', 'd']) written.push(await outbox.append(label));
    const second = written[1]!;
    const events = outbox.stream({ after: { position: await outbox.positionOf(second.id), id: second.id } });
    const replayed = await take(events, 2);
    expect(labels(replayed)).toEqual(['c', 'd']);
    await outbox.append('e');
    await outbox.append('f');
    const live = await take(events, 2);
    expect(labels(live)).toEqual(['e', 'f']);
    const positions = [...replayed, ...live].map((event) => BigInt((event as DomainEvent).position!));
    expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
    await events.return?.();
  });

  it('says EVENTS_GAP first when the cursor is not in this outbox, then goes on live', async () => {
    const events = outbox.stream({ after: { position: '12345', id: randomUUID() } });
    const first = events.next();
    await expect(first).resolves.toEqual({ done: false, value: EVENTS_GAP });
    await outbox.append('after-gap');
    expect(labels(await take(events, 1))).toEqual(['after-gap']);
    await events.return?.();
  });

  it('ends a waiting stream at once when it is returned', async () => {
    const events = outbox.stream(null);
    const pending = events.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await events.return?.();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });

  it('a relay whose bus does not take its events releases their rows for one that can', async () => {
    await outbox.relay.stop();
    const stuckBus = { ...outbox.bus, publish: () => new Promise<void>(() => undefined) };
    const stuck = startOutboxRelay({
      db: outbox.db,
      bus: stuckBus,
      logger: createLogger('test', 'silent'),
      intervalMs: 50,
      publishTimeoutMs: 200,
    });
    const event = await outbox.append('stuck');
    stuck.nudge();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await stuck.stop();
    const published = () =>
      outbox.db.$queryRawUnsafe<{ publishedAt: Date | null }[]>(
        `SELECT "publishedAt" FROM "OutboxEvent" WHERE "id" = $1::uuid`,
        event.id,
      );
    expect((await published())[0]!.publishedAt).toBeNull();
    const received = outbox.bus.subscribe('events.' + AGGREGATE);
    const working = startOutboxRelay({ db: outbox.db, bus: outbox.bus, logger: createLogger('test', 'silent') });
    try {
      const next = await received.next();
      expect((next.value as DomainEvent).id).toBe(event.id);
      await eventually(async () => (await published())[0]!.publishedAt !== null);
    } finally {
      await working.stop();
      await received.return?.();
    }
  });

  if (backend === 'postgresql') {
    it('numbers events in commit order, so a transaction that started first but committed last is not skipped', async () => {
      let releaseSlow!: () => void;
      const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
      let slowAppended!: () => void;
      const slowHasAppended = new Promise<void>((resolve) => (slowAppended = resolve));
      // The slow transaction starts and writes its event first, then waits while another commits.
      const slow = outbox.db.$transaction(
        async (tx) => {
          const event = await appendToOutbox(tx as unknown as RawSqlClient, {
            type: 'Tested',
            aggregateType: AGGREGATE,
            aggregateId: 'slow',
            actor: null,
            payload: { label: 'slow' },
          });
          slowAppended();
          await slowMayCommit;
          return event;
        },
        { timeout: 10_000 },
      );
      await slowHasAppended;
      const fast = await outbox.append('fast');
      // A subscriber that has the fast event resumes after it: the slow one, committed later, must follow.
      const events = outbox.stream({ after: { position: await outbox.positionOf(fast.id), id: fast.id } });
      releaseSlow();
      const slowEvent = await slow;
      expect(labels(await take(events, 1))).toEqual(['slow']);
      expect(BigInt(await outbox.positionOf(slowEvent.id))).toBeGreaterThan(BigInt(await outbox.positionOf(fast.id)));
      await events.return?.();
    });
  }
});
