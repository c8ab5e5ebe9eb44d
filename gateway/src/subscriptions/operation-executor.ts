import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, print, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { EventCursor } from './event-cursor.ts';
import { executeFederatedSubscription } from './federated-subscription.ts';
import { asGraphQLError } from './results.ts';
import { createSharedExecutions, type Delivery } from './shared-executions.ts';
import { createAudiences } from './subscription-audience.ts';
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

/** The operation a transport's ExecutionArgs (see executionArgsOf) describe, run for `context`. */
export function operationOf(args: ExecutionArgs, context: GatewayContext): Operation {
  return {
    document: args.document,
    operationName: args.operationName,
    variables: args.variableValues as Record<string, unknown>,
    resumeAfter: (args.rootValue as OperationRoot | undefined)?.resumeAfter ?? null,
    context,
  };
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
  async function* run(operation: Operation, signal: AbortSignal): AsyncGenerator<Delivery> {
    let event: { occurredAt: string } | undefined;
    try {
      const results = executeFederatedSubscription({
        plan: deps.planner.plan(operation.document, operation.operationName),
        planner: deps.planner,
        variables: operation.variables ?? {},
        context: operation.context,
        serviceMap: deps.serviceMap,
        upstream: deps.upstream,
        resumeAfter: operation.resumeAfter ?? null,
        signal,
        onEvent: (delivered) => (event = delivered),
      });
      for await (const result of results) {
        yield { result, occurredAt: event ? Date.parse(event.occurredAt) : null };
        event = undefined;
      }
    } catch (error) {
      // Planning failed, or an upstream or entity fetch threw: this subscription ends with the error.
      if (!signal.aborted) yield { result: { errors: [asGraphQLError(error)] }, occurredAt: null };
    }
  }
  const subscribe = createSharedExecutions(run, deps.metrics, createAudiences(deps.planner.schema));

  return {
    /**
     * The federated subscription as an iterator whose return() takes effect at once: a client that
     * leaves while no event is due must not keep its upstream subscription (and its place) open.
     */
    subscribe,

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
