import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { eventually } from '@switchyard/testing/eventually';
import { createEventBus } from './create-event-bus.ts';
import type { DomainEvent, EventBus } from './event-bus.ts';
import type { Logger } from './logger.ts';
import { createRedisEventBus, EventBusOverflowError } from './redis-event-bus.ts';

// Runs against a real Redis (CI sets TEST_REDIS_URL=redis://127.0.0.1:6379); skipped without one.
const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

function event(type = 'StoreCreated'): DomainEvent {
  return {
    id: randomUUID(),
    type,
    aggregateType: 'Store',
    aggregateId: randomUUID(),
    sequence: 1,
    occurredAt: new Date().toISOString(),
    actor: { kind: 'system', id: null },
    payload: { n: 1 },
  };
}

/** Resolves with the iterator's next result, or 'timeout' when nothing arrives in time. */
async function nextWithin<T>(iterator: AsyncIterator<T>, ms: number): Promise<IteratorResult<T> | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Records warnings; ESM jest has no `jest.fn` global. */
function fakeLogger() {
  const warnings: [Record<string, unknown>, string][] = [];
  const noop = () => {};
  const logger = {
    warn: (object: Record<string, unknown>, message: string) => warnings.push([object, message]),
    error: noop,
    info: noop,
    debug: noop,
  };
  return { warnings, asLogger: logger as unknown as Logger };
}

describeWithRedis('Redis event bus', () => {
  let admin: Redis;
  const buses: EventBus[] = [];
  const channel = () => `events.test-${randomUUID()}`;
  const bus = (options: Parameters<typeof createRedisEventBus>[1] = {}) => {
    const created = createRedisEventBus(redisUrl!, { logger: fakeLogger().asLogger, ...options });
    buses.push(created);
    return created;
  };
  /** How many Redis connections are subscribed to the channel. */
  const subscribers = async (name: string) => Number(((await admin.pubsub('NUMSUB', name)) as [string, number])[1]);
  const clients = async (name: string) =>
    ((await admin.call('CLIENT', 'LIST')) as string)
      .split('\n')
      .filter((line) => line.includes(` name=${name} `))
      .map((line) => /\bid=(\d+)/.exec(line)![1]!);

  beforeAll(() => {
    admin = new Redis(redisUrl!);
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((created) => created.close()));
  });
  afterAll(async () => {
    await admin.quit();
  });

  it('delivers an event published on one bus exactly once to each subscriber on another bus and on the same bus, over one subscriber connection', async () => {
    const name = channel();
    const replicaA = bus();
    const replicaB = bus();
    const onB1 = replicaB.subscribe(name);
    const onB2 = replicaB.subscribe(name);
    const onA = replicaA.subscribe(name);
    await eventually(async () => (await subscribers(name)) === 2);
    // A third connection would show up late, and no event announces its absence: look again after a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await subscribers(name)).toBe(2); // two buses, two connections, however many local subscribers

    const first = event('First');
    await replicaA.publish(name, first);
    const second = event('Second');
    await replicaA.publish(name, second);
    for (const iterator of [onB1, onB2, onA]) {
      expect(await iterator.next()).toEqual({ value: first, done: false });
      expect(await iterator.next()).toEqual({ value: second, done: false }); // no duplicate of the first
      expect(await nextWithin(iterator, 150)).toBe('timeout');
    }
  });

  it('unsubscribes from Redis when the last local listener leaves, and stops delivering', async () => {
    const name = channel();
    const publisher = bus();
    const replica = bus();
    const controller = new AbortController();
    const viaAbort = replica.subscribe(name, controller.signal);
    const viaReturn = replica.subscribe(name);
    await eventually(async () => (await subscribers(name)) === 1);

    await viaReturn.return!();
    expect(await viaReturn.next()).toEqual({ value: undefined, done: true });
    const stillThere = event();
    await publisher.publish(name, stillThere);
    expect(await viaAbort.next()).toEqual({ value: stillThere, done: false });
    expect(await subscribers(name)).toBe(1);

    const pending = viaAbort.next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
    await eventually(async () => (await subscribers(name)) === 0);
    expect(await admin.publish(name, JSON.stringify(event()))).toBe(0); // nobody receives it any more

    // A new listener subscribes again.
    const again = replica.subscribe(name);
    await eventually(async () => (await subscribers(name)) === 1);
    const later = event();
    await publisher.publish(name, later);
    expect(await again.next()).toEqual({ value: later, done: false });
  });

  it('returns an ended iterator for an already aborted signal', async () => {
    const iterator = bus().subscribe(channel(), AbortSignal.abort());
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('works with for await; break unsubscribes', async () => {
    const name = channel();
    const replica = bus();
    const received: string[] = [];
    const consumer = (async () => {
      for await (const e of replica.subscribe(name)) {
        received.push(e.type);
        if (received.length === 2) break;
      }
    })();
    await eventually(async () => (await subscribers(name)) === 1);
    await replica.publish(name, event('A'));
    await replica.publish(name, event('B'));
    await consumer;
    expect(received).toEqual(['A', 'B']);
    await eventually(async () => (await subscribers(name)) === 0);
  });

  it('logs and skips malformed messages', async () => {
    const name = channel();
    const { warnings, asLogger } = fakeLogger();
    const replica = bus({ logger: asLogger });
    const iterator = replica.subscribe(name);
    await eventually(async () => (await subscribers(name)) === 1);
    await admin.publish(name, 'not json');
    await admin.publish(name, JSON.stringify({ hello: 'world' }));
    await admin.publish(name, '[1,2]');
    const valid = event();
    await admin.publish(name, JSON.stringify(valid));
    expect(await iterator.next()).toEqual({ value: valid, done: false });
    expect(warnings.map(([object, message]) => [object.message, message])).toEqual([
      ['not json', 'event bus skipped a malformed message'],
      ['{"hello":"world"}', 'event bus skipped a malformed message'],
      ['[1,2]', 'event bus skipped a malformed message'],
    ]);
  });

  it('ends a subscriber that falls too far behind with an EventBusOverflowError, without affecting others', async () => {
    const name = channel();
    const replica = bus({ maxBufferedEvents: 5 });
    const slow = replica.subscribe(name);
    const fast = replica.subscribe(name);
    await eventually(async () => (await subscribers(name)) === 1);
    const received: DomainEvent[] = [];
    const consumer = (async () => {
      for await (const e of fast) if (received.push(e) === 10) break;
    })();
    const events = Array.from({ length: 10 }, () => event());
    for (const e of events) await replica.publish(name, e);
    await consumer;
    expect(received).toEqual(events);
    await expect(slow.next()).rejects.toBeInstanceOf(EventBusOverflowError);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });

  it('re-subscribes after the subscriber connection is killed', async () => {
    const name = channel();
    const connectionName = `switchyard-test-${randomUUID()}`;
    const replica = bus({ connectionName });
    const iterator = replica.subscribe(name);
    await eventually(async () => (await subscribers(name)) === 1);
    const [before] = await clients(`${connectionName}:sub`);
    expect(before).toBeDefined();

    await admin.call('CLIENT', 'KILL', 'ID', before!);
    await eventually(async () => {
      const [after] = await clients(`${connectionName}:sub`);
      return after !== undefined && after !== before && (await subscribers(name)) === 1;
    });

    const afterReconnect = event();
    await replica.publish(name, afterReconnect);
    expect(await iterator.next()).toEqual({ value: afterReconnect, done: false });
  });

  it('close() ends every iterator, quits both connections, and refuses to publish', async () => {
    const connectionName = `switchyard-test-${randomUUID()}`;
    const replica = createRedisEventBus(redisUrl!, { connectionName, logger: fakeLogger().asLogger });
    const name = channel();
    const iterators = [
      replica.subscribe(name),
      replica.subscribe(name),
      replica.subscribe(channel(), new AbortController().signal),
    ];
    await eventually(async () => (await subscribers(name)) === 1);
    await replica.publish(name, event());
    await eventually(async () => (await clients(`${connectionName}:pub`)).length === 1);
    const pending = iterators[2]!.next();

    await replica.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    // The event already received is still yielded, then the iterator ends (like the in-process bus).
    expect((await iterators[0]!.next()).done).toBe(false);
    expect(await iterators[0]!.next()).toEqual({ value: undefined, done: true });
    expect(await iterators[1]!.next()).toMatchObject({ done: false });
    expect(await iterators[1]!.next()).toEqual({ value: undefined, done: true });
    await eventually(
      async () =>
        (await clients(connectionName)).length === 0 &&
        (await clients(`${connectionName}:sub`)).length === 0 &&
        (await clients(`${connectionName}:pub`)).length === 0,
    );
    expect(await subscribers(name)).toBe(0);
    await expect(replica.publish(name, event())).rejects.toThrow('event bus is closed');
    expect(await replica.subscribe(name).next()).toEqual({ value: undefined, done: true });
    await replica.close(); // idempotent
  });

  it('createEventBus with a Redis URL goes through Redis', async () => {
    const name = channel();
    const first = createEventBus({ redisUrl: redisUrl!, logger: fakeLogger().asLogger });
    const second = createEventBus({ redisUrl: redisUrl!, logger: fakeLogger().asLogger });
    buses.push(first, second);
    const iterator = second.subscribe(name);
    await eventually(async () => (await subscribers(name)) === 1);
    const published = event();
    await first.publish(name, published);
    expect(await iterator.next()).toEqual({ value: published, done: false });
  });
});
