import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export function createSubscriptionMetrics(registry: Registry) {
  return {
    connections: new Gauge({
      name: 'subscription_connections',
      help: 'Open client websocket connections',
      registers: [registry],
    }),
    subscriptions: new Gauge({
      name: 'subscription_active',
      help: 'Active client subscriptions',
      registers: [registry],
    }),
    executions: new Gauge({
      name: 'subscription_executions',
      help: 'Running subscription executions (identical subscriptions of one audience share one: see subscription-audience.ts)',
      registers: [registry],
    }),
    delivered: new Counter({
      name: 'subscription_events_delivered_total',
      help: 'Subscription events sent to clients',
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'subscription_delivery_latency_seconds',
      help: 'From the commit of the change (event time) to sending the event to the client',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    reconnects: new Counter({
      name: 'subscription_upstream_reconnects_total',
      help: 'Re-established subgraph subscription connections',
      labelNames: ['subgraph'],
      registers: [registry],
    }),
  };
}

export type SubscriptionMetrics = ReturnType<typeof createSubscriptionMetrics>;
