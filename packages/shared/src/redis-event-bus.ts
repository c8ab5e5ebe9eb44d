import type { DomainEvent, EventBus } from './event-bus.ts';
import { createLogger, type Logger } from './logger.ts';
import { closeRedis, openRedis } from './redis-connection.ts';

/** Events a subscriber may fall behind by before its iterator ends with an EventBusOverflowError. */
export const DEFAULT_MAX_BUFFERED_EVENTS = 10_000;

export interface RedisEventBusOptions {
  logger?: Logger;
  /** Per-subscriber bound; a consumer this far behind is ended with an EventBusOverflowError. */
  maxBufferedEvents?: number;
  /** Prefix of the Redis CLIENT names (`<name>:pub`, `<name>:sub`), handy in CLIENT LIST. */
  connectionName?: string;
}

/** Ends an iterator whose consumer fell too far behind; it has missed events and must resynchronise. */
export class EventBusOverflowError extends Error {
  constructor(channel: string, limit: number) {
    super(`event bus subscriber on "${channel}" fell more than ${limit} events behind; its subscription was ended`);
    this.name = 'EventBusOverflowError';
  }
}

/**
 * Redis pub/sub event bus: every replica sees every event. One publisher and one subscriber
 * connection per bus, whatever the number of local subscribers; the bus fans messages out locally
 * and holds a Redis subscription for a channel exactly while it has a local listener on it.
 * Reconnecting is ioredis's job, and so is re-subscribing afterwards (`autoResubscribe`, on by
 * default). Pub/sub is at-most-once: events published while the subscriber is disconnected are not
 * delivered to it.
 */
export function createRedisEventBus(redisUrl: string, options: RedisEventBusOptions = {}): EventBus {
  const logger = options.logger ?? createLogger('event-bus', 'info');
  const maxBuffered = options.maxBufferedEvents ?? DEFAULT_MAX_BUFFERED_EVENTS;
  const name = options.connectionName ?? 'switchyard-events';
  const publisher = openRedis(
    redisUrl,
    { connectionName: `${name}:pub` },
    { logger, label: 'event bus', bindings: { role: 'publisher' } },
  );
  // The subscriber's SUBSCRIBE commands wait for a connection rather than fail after a few retries.
  const subscriber = openRedis(
    redisUrl,
    { connectionName: `${name}:sub`, maxRetriesPerRequest: null, autoResubscribe: true },
    { logger, label: 'event bus', bindings: { role: 'subscriber' } },
  );

  const channels = new Map<string, Set<Subscription>>();
  let closed = false;

  subscriber.on('message', (channel: string, message: string) => {
    const listeners = channels.get(channel);
    if (!listeners) return;
    const event = parseEvent(message);
    if (!event) {
      logger.warn({ channel, message: message.slice(0, 500) }, 'event bus skipped a malformed message');
      return;
    }
    for (const listener of [...listeners]) listener.push(event);
  });

  function attach(subscription: Subscription): void {
    let listeners = channels.get(subscription.channel);
    if (!listeners) {
      listeners = new Set();
      channels.set(subscription.channel, listeners);
      const set = listeners;
      subscriber.subscribe(subscription.channel).catch((error: Error) => {
        if (closed || channels.get(subscription.channel) !== set) return;
        logger.error({ err: error, channel: subscription.channel }, 'event bus could not subscribe');
        channels.delete(subscription.channel);
        for (const listener of set) listener.fail(error);
      });
    }
    listeners.add(subscription);
  }

  function detach(subscription: Subscription): void {
    const listeners = channels.get(subscription.channel);
    if (!listeners?.delete(subscription) || listeners.size > 0) return;
    channels.delete(subscription.channel);
    if (closed) return;
    subscriber.unsubscribe(subscription.channel).catch((error: Error) => {
      if (!closed) logger.warn({ err: error, channel: subscription.channel }, 'event bus could not unsubscribe');
    });
  }

  return {
    async publish(channel, event) {
      if (closed) throw new Error('event bus is closed');
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe(channel, signal) {
      const subscription = new Subscription(channel, maxBuffered, detach);
      if (closed || signal?.aborted) {
        subscription.end();
        return subscription;
      }
      attach(subscription);
      if (signal) subscription.endOnAbort(signal);
      return subscription;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const listeners of [...channels.values()]) for (const listener of [...listeners]) listener.end();
      channels.clear();
      await Promise.all([closeRedis(publisher), closeRedis(subscriber)]);
    },
  };
}

function parseEvent(message: string): DomainEvent | null {
  try {
    const value = JSON.parse(message) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const event = value as Partial<DomainEvent>;
    if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.aggregateType !== 'string')
      return null;
    return event as DomainEvent;
  } catch {
    return null;
  }
}

/**
 * One local subscriber: a bounded queue in front of an async iterator. Like the in-process bus,
 * an abort (or close) stops receiving, yields what was already buffered, then ends; `return()`
 * ends at once; an overflow drops the buffer and ends with an EventBusOverflowError.
 */
class Subscription implements AsyncIterableIterator<DomainEvent> {
  private queue: DomainEvent[] = [];
  private head = 0;
  private waiters: { resolve: (result: IteratorResult<DomainEvent>) => void; reject: (error: Error) => void }[] = [];
  private receiving = true;
  private error: Error | null = null;
  private removeAbortListener: (() => void) | null = null;

  constructor(
    readonly channel: string,
    private readonly maxBuffered: number,
    private readonly onStop: (subscription: Subscription) => void,
  ) {}

  endOnAbort(signal: AbortSignal): void {
    const onAbort = () => this.end();
    signal.addEventListener('abort', onAbort, { once: true });
    this.removeAbortListener = () => signal.removeEventListener('abort', onAbort);
  }

  push(event: DomainEvent): void {
    if (!this.receiving) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve({ value: event, done: false });
      return;
    }
    if (this.queue.length - this.head >= this.maxBuffered) {
      this.fail(new EventBusOverflowError(this.channel, this.maxBuffered));
      return;
    }
    this.queue.push(event);
  }

  /** Stop receiving; buffered events are still yielded, then the iterator is done. */
  end(): void {
    if (this.stop()) this.settleWaiters();
  }

  /** Stop receiving and drop the buffer; the next `next()` rejects with `error`, later ones are done. */
  fail(error: Error): void {
    if (!this.stop()) return;
    this.queue = [];
    this.head = 0;
    const waiter = this.waiters.shift();
    if (waiter) waiter.reject(error);
    else this.error = error;
    this.settleWaiters();
  }

  next(): Promise<IteratorResult<DomainEvent>> {
    if (this.head < this.queue.length) {
      const value = this.queue[this.head]!;
      this.head += 1;
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
      } else if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.error) {
      const error = this.error;
      this.error = null;
      return Promise.reject(error);
    }
    if (!this.receiving) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Ends at once: stops receiving, drops the buffer, settles pending `next()` calls as done. */
  return(): Promise<IteratorResult<DomainEvent>> {
    this.stop();
    this.queue = [];
    this.head = 0;
    this.error = null;
    this.settleWaiters();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<DomainEvent> {
    return this;
  }

  /** Once nothing more can arrive, pending `next()` calls are done. */
  private settleWaiters(): void {
    for (const waiter of this.waiters.splice(0)) waiter.resolve({ value: undefined, done: true });
  }

  private stop(): boolean {
    if (!this.receiving) return false;
    this.receiving = false;
    this.removeAbortListener?.();
    this.removeAbortListener = null;
    this.onStop(this);
    return true;
  }
}
