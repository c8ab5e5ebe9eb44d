import type { ApolloServerPlugin } from '@apollo/server';
import {
  Counter,
  Histogram,
  Registry,
  collectDefaultMetrics,
  register as processRegistry,
  type Metric,
} from 'prom-client';
import './process-metrics.ts';
import { operationLabel } from './registered-operations.ts';

/** Prometheus metrics every service exposes on GET /metrics. */
export interface ServiceMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  graphqlDuration: Histogram<'operation' | 'type'>;
  graphqlOperations: Counter<'type' | 'outcome'>;
  graphqlErrors: Counter<'code'>;
}

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  // Process-wide metrics (event bus, database driver, breakers) are in prom-client's global registry: see process-metrics.ts.
  for (const metric of processRegistry.getMetricsAsArray() as unknown as Metric[]) registry.registerMetric(metric);
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: "GraphQL operation duration by type and operation name (the web app's registered operations; others are `unregistered`)",
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by type and outcome (ok, client_error, server_error): server errors are the error rate alerts watch',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned to callers, by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}

/** The codes that say the service failed, not the caller: what an error rate counts. */
const SERVER_ERROR_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
type OperationOutcome = 'ok' | 'client_error' | 'server_error';

export function metricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const stopTimer = metrics.graphqlDuration.startTimer();
      let outcome: OperationOutcome = 'ok';
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            metrics.graphqlErrors.inc({ code });
            if (outcome !== 'server_error') outcome = SERVER_ERROR_CODES.has(code) ? 'server_error' : 'client_error';
          }
        },
        async willSendResponse({ operationName, operation }) {
          const type = operation?.operation ?? 'unknown';
          stopTimer({ operation: operationLabel(operationName), type });
          metrics.graphqlOperations.inc({ type, outcome });
        },
      };
    },
  };
}
