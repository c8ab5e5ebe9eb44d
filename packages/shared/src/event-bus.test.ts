import { randomUUID } from 'node:crypto';
import { createEventBus } from './create-event-bus.ts';
import { createInProcessEventBus, type DomainEvent } from './event-bus.ts';

function event(type = 'StoreCreated'): DomainEvent {
  return {
    id: randomUUID(),
    type,
    aggregateType: 'Store',
    aggregateId: randomUUID(),
    sequence: 1,
    occurredAt: new Date().toISOString(),
    actor: null,
    payload: { n: 1 },
  };
}

describe('in-process event bus', () => {
  it('delivers a published event to every subscriber of the channel, and only of that channel', async () => {
    const bus = createInProcessEventBus();
    const channel = `events.test-${randomUUID()}`;
    const first = bus.subscribe(channel);
    const second = bus.subscribe(channel);
    const other = bus.subscribe(`${channel}-other`);
    const published = event();
    await bus.publish(channel, published);
    expect((await first.next()).value).toEqual(published);
    expect((await second.next()).value).toEqual(published);
    const pendingOther = other.next();
    await bus.close();
    expect(await pendingOther).toEqual({ value: undefined, done: true });
  });

  it('ends the iterator when its signal aborts, leaving other subscribers alone', async () => {
    const bus = createInProcessEventBus();
    const channel = `events.test-${randomUUID()}`;
    const controller = new AbortController();
    const aborted = bus.subscribe(channel, controller.signal);
    const kept = bus.subscribe(channel);
    const pending = aborted.next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
    const published = event();
    await bus.publish(channel, published);
    expect((await kept.next()).value).toEqual(published);
    expect(await aborted.next()).toEqual({ value: undefined, done: true });
    await bus.close();
  });

  it('ends every iterator on close', async () => {
    const bus = createInProcessEventBus();
    const channel = `events.test-${randomUUID()}`;
    const iterators = [
      bus.subscribe(channel),
      bus.subscribe(channel, new AbortController().signal),
      bus.subscribe(`${channel}-2`),
    ];
    const pending = iterators.map((iterator) => iterator.next());
    await bus.close();
    expect(await Promise.all(pending)).toEqual(iterators.map(() => ({ value: undefined, done: true })));
  });

  it('works with for await and return()', async () => {
    const bus = createInProcessEventBus();
    const channel = `events.test-${randomUUID()}`;
    const iterator = bus.subscribe(channel);
    const received: string[] = [];
    const consumer = (async () => {
      for await (const e of iterator) {
        received.push(e.type);
        if (received.length === 2) break;
      }
    })();
    await bus.publish(channel, event('A'));
    await bus.publish(channel, event('B'));
    await consumer;
    expect(received).toEqual(['A', 'B']);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await bus.close();
  });

  it('createEventBus without a Redis URL is in-process', async () => {
    const bus = createEventBus({});
    const channel = `events.test-${randomUUID()}`;
    const iterator = bus.subscribe(channel);
    const published = event();
    await bus.publish(channel, published);
    expect((await iterator.next()).value).toEqual(published);
    await bus.close();
  });
});
