import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { EventCursor } from './event-cursor.ts';
import { executeFederatedSubscription } from './federated-subscription.ts';
import { asGraphQLError } from './results.ts';
import type { SubscriptionMetrics } from './subscription-metrics.ts';
import type { SubscriptionPlanner } from './subscription-planner.ts';
import type { UpstreamSubscriptions } from './upstream-subscriptions.ts';

export interface Operation {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  context: GatewayContext;
  /** A subscription resumed from a cursor (see event-cursor.ts). */
  resumeAfter?: EventCursor | null;
}

/** What the transports put in ExecutionArgs.rootValue (otherwise unused here) to carry an operation's own inputs. */
export interface OperationRoot {
  resumeAfter: EventCursor | null;
}

/**
 * Runs operations that arrive over a streaming transport (graphql-ws, SSE): subscriptions
 * federated, queries and mutations through Apollo exactly like HTTP requests. Neither ever
 * throws: a failure becomes an error result for that one operation (a transport that saw a
 * rejection would end the whole connection, or worse).
 */
export function createOperationExecutor(deps: {
  planner: SubscriptionPlanner;
  upstream: UpstreamSubscriptions;
  serviceMap: ServiceMap;
  apollo: ApolloServer<GatewayContext>;
  metrics: SubscriptionMetrics;
}) {
  const { metrics } = deps;

  async function* run(operation: Operation, signal: AbortSignal): AsyncGenerator<ExecutionResult> {
    metrics.subscriptions.inc();
    try {
      yield* executeFederatedSubscription({
        plan: deps.planner.plan(operation.document, operation.operationName),
        planner: deps.planner,
        variables: operation.variables ?? {},
        context: operation.context,
        resumeAfter: operation.resumeAfter ?? null,
        serviceMap: deps.serviceMap,
        upstream: deps.upstream,
        signal,
        onEvent: (event) => {
          metrics.delivered.inc();
          if (event) metrics.latency.observe((Date.now() - Date.parse(event.occurredAt)) / 1000);
        },
      });
    } catch (error) {
      // Planning failed, or an upstream or entity fetch threw: this subscription ends with the error.
      if (!signal.aborted) yield { errors: [asGraphQLError(error)] };
    } finally {
      metrics.subscriptions.dec();
    }
  }

  return {
    /**
     * The federated subscription as an iterator whose return() takes effect at once: a client that
     * leaves while no event is due must not keep its upstream subscription (and its place) open.
     */
    subscribe(operation: Operation): AsyncIterableIterator<ExecutionResult> {
      const stop = new AbortController();
      const results = run(operation, stop.signal);
      return {
        next: () => results.next(),
        return: (value?: unknown) => {
          stop.abort();
          return results.return(value as never);
        },
        throw: (error?: unknown) => {
          stop.abort();
          return results.throw(error);
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },

    async execute(operation: Operation): Promise<ExecutionResult> {
      try {
        const response = await deps.apollo.executeOperation(
          {
            query: print(operation.document),
            variables: operation.variables ?? undefined,
            operationName: operation.operationName ?? undefined,
          },
          { contextValue: { ...operation.context, requestId: randomUUID() } },
        );
        if (response.body.kind !== 'single')
          return { errors: [new GraphQLError('Incremental delivery is not supported on this transport')] };
        return response.body.singleResult as ExecutionResult;
      } catch (error) {
        return { errors: [asGraphQLError(error)] };
      }
    },
  };
}

export type OperationExecutor = ReturnType<typeof createOperationExecutor>;
