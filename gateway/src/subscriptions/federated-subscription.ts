import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { ExecutionResult } from 'graphql';
import {
  BadUserInputError,
  INITIAL_SUBSCRIPTION_REPLAY_MS,
  ServiceUnavailableError,
  type UpstreamSubscribeExtensions,
} from '@switchyard/shared';
import type { GatewayContext } from '../context.ts';
import { encodeEventCursor, type EventCursor } from './event-cursor.ts';
import { asGraphQLError } from './results.ts';
import { EVENT_SERVICE, type SubscriptionPlan, type SubscriptionPlanner } from './subscription-planner.ts';
import type { UpstreamResult, UpstreamSubscriptions } from './upstream-subscriptions.ts';

export interface FederatedSubscriptionOptions {
  plan: SubscriptionPlan;
  planner: SubscriptionPlanner;
  variables: Record<string, unknown>;
  context: GatewayContext;
  serviceMap: ServiceMap;
  upstream: UpstreamSubscriptions;
  /** Resume right after the event this cursor came with, instead of starting now. */
  resumeAfter: EventCursor | null;
  onEvent?: (event: { occurredAt: string } | undefined) => void;
  /** Ends the subscription at once, even while it waits for the next event. */
  signal: AbortSignal;
}

const SEEN_LIMIT = 5_000;

/**
 * Runs one client subscription: the primary fetch as a graphql-ws subscription to the owning
 * subgraph, and for every event the rest of the plan (entity fetches to other subgraphs) with
 * @apollo/gateway's own executor, the event standing in for the primary fetch's response.
 * Errors of those fetches arrive as errors on that event; the subscription goes on. When the
 * subgraph ends the subscription with errors, they are its last result.
 */
export async function* executeFederatedSubscription(
  options: FederatedSubscriptionOptions,
): AsyncGenerator<ExecutionResult> {
  const { plan, planner, variables, context, upstream, resumeAfter } = options;
  const subgraph = plan.primary.serviceName;
  if (resumeAfter && resumeAfter.subgraph !== subgraph) {
    yield { errors: [new BadUserInputError('extensions.cursor', 'This cursor belongs to another subscription')] };
    return;
  }
  // graphql-ws re-sends this payload object when it resubscribes after a reconnect, so keeping
  // `extensions.after` at the last event received makes the subgraph replay exactly what followed.
  const extensions: UpstreamSubscribeExtensions = resumeAfter
    ? { forwarded: context, after: { position: resumeAfter.position, id: resumeAfter.id } }
    : { forwarded: context, since: new Date(Date.now() - INITIAL_SUBSCRIPTION_REPLAY_MS).toISOString() };
  const payload = {
    query: plan.primary.operation,
    operationName: plan.primary.operationName ?? null,
    variables: Object.fromEntries(
      (plan.primary.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]),
    ),
    extensions,
  };
  const requestContext = {
    request: { variables },
    context,
    metrics: {},
    logger: undefined,
  };
  const events = upstream.subscribe(subgraph, payload);
  // graphql-ws's iterator ends a pending next() when returned, so aborting ends the loop below at
  // once; a return() on this generator alone would wait for the next event to arrive.
  const stop = () => void events.return?.();
  options.signal.addEventListener('abort', stop, { once: true });
  const seen = new Set<string>();
  try {
    for await (const result of events) {
      const event = result.extensions?.event;
      if (event) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
        if (event.position)
          payload.extensions = { forwarded: context, after: { position: event.position, id: event.id } };
      }
      if (!result.data) {
        // After a gap the old resume point is worthless: a reconnect starts from about now.
        if (result.errors?.some((error) => error.extensions?.code === 'EVENTS_GAP'))
          payload.extensions = { forwarded: context, since: new Date().toISOString() };
        yield { errors: (result.errors ?? []).map(asGraphQLError) };
        continue;
      }
      const serviceMap: ServiceMap = { ...options.serviceMap, [EVENT_SERVICE]: answeredWith(result) };
      const response = await executeQueryPlan(
        plan.perEvent,
        serviceMap,
        requestContext as never,
        plan.operationContext,
        planner.supergraphSchema,
        planner.apiSchema,
      );
      options.onEvent?.(event);
      const cursor = event?.position ? encodeEventCursor({ subgraph, position: event.position, id: event.id }) : null;
      yield {
        data: response.data ?? null,
        ...(response.errors ? { errors: response.errors } : {}),
        ...(cursor ? { extensions: { cursor } } : {}),
      } as ExecutionResult;
    }
  } catch (error) {
    yield { errors: upstreamErrors(subgraph, error) };
  } finally {
    options.signal.removeEventListener('abort', stop);
  }
}

/**
 * What graphql-ws's client throws when the subgraph ends a subscription: the errors of its `error`
 * message, or the close event of a connection it will not retry.
 */
function upstreamErrors(subgraph: string, error: unknown) {
  if (Array.isArray(error)) return error.map(asGraphQLError);
  if (typeof error === 'object' && error !== null && 'code' in error && 'reason' in error)
    return [new ServiceUnavailableError(`The ${subgraph} subscription connection closed; subscribe again`)];
  return [asGraphQLError(error)];
}

function answeredWith(result: UpstreamResult): GraphQLDataSource {
  return {
    process: async () => ({ data: result.data, ...(result.errors ? { errors: result.errors } : {}) }),
  } as GraphQLDataSource;
}
