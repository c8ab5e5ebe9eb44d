import { Counter, Gauge, Histogram } from 'prom-client';
import type { EventBus } from './event-bus.ts';

/**
 * Metrics of machinery a process builds before any service registry exists (the event bus,
 * circuit breakers; the database driver's are in @switchyard/prisma). They live once per process
 * in prom-client's global registry; createMetrics registers them into each service's registry,
 * so /metrics shows them beside the HTTP and GraphQL ones.
 */
export const processMetrics = {
  eventBusMessages: new Counter({
    name: 'event_bus_messages_total',
    help: 'Domain events published to and consumed from the event bus, by channel',
    labelNames: ['direction', 'channel'] as const,
  }),
  eventBusLag: new Histogram({
    name: 'event_bus_lag_seconds',
    help: 'Time from an event occurring (its commit) to a consumer receiving it',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
  circuitBreakerState: new Gauge({
    name: 'circuit_breaker_state',
    help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
    labelNames: ['service', 'name'] as const,
  }),
};

const BREAKER_STATE_VALUES = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

export function recordBreakerState(service: string, name: string, state: keyof typeof BREAKER_STATE_VALUES): void {
  processMetrics.circuitBreakerState.set({ service, name }, BREAKER_STATE_VALUES[state]);
}

/** Counts what goes through a bus and how late consumers see it. */
export function instrumentEventBus(bus: EventBus): EventBus {
  const { eventBusMessages, eventBusLag } = processMetrics;
  return {
    async publish(channel, event) {
      await bus.publish(channel, event);
      eventBusMessages.inc({ direction: 'publish', channel });
    },
    subscribe(channel, signal) {
      const events = bus.subscribe(channel, signal);
      return (async function* () {
        for await (const event of events) {
          eventBusMessages.inc({ direction: 'consume', channel });
          eventBusLag.observe({ channel }, Math.max(0, Date.now() - Date.parse(event.occurredAt)) / 1000);
          yield event;
        }
      })();
    },
    close: () => bus.close(),
  };
}
