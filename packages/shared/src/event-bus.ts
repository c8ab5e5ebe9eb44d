import { EventEmitter, on } from 'node:events';

/**
 * A domain event as it travels between services. `id` is unique (consumers de-duplicate by it);
 * `sequence` orders the events of one aggregate.
 */
export interface DomainEvent<TPayload = unknown> {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  occurredAt: string;
  actor: { kind: 'user' | 'apiKey' | 'system'; id: string | null } | null;
  payload: TPayload;
  /** Its place in the outbox it was read from (see OutboxPosition); absent on events that come from the bus. */
  position?: string;
}

/**
 * Publish/subscribe between services. In-process by default; the Redis implementation (used when
 * REDIS_URL is set) lets every replica see every event.
 */
export interface EventBus {
  publish(channel: string, event: DomainEvent): Promise<void>;
  /** Yields events published on `channel` from now on, until the iterator is returned or `signal` aborts. */
  subscribe(channel: string, signal?: AbortSignal): AsyncIterableIterator<DomainEvent>;
  close(): Promise<void>;
}

export function createInProcessEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const closing = new AbortController();
  return {
    async publish(channel, event) {
      emitter.emit(channel, event);
    },
    subscribe(channel, signal) {
      const combined = signal ? AbortSignal.any([signal, closing.signal]) : closing.signal;
      const events = on(emitter, channel, { signal: combined });
      return (async function* () {
        try {
          for await (const [event] of events) yield event as DomainEvent;
        } catch (error) {
          if ((error as Error).name !== 'AbortError') throw error;
        }
      })();
    },
    async close() {
      closing.abort();
    },
  };
}
