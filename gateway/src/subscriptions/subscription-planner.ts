import { buildOperationContext } from '@apollo/gateway';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { print } from 'graphql';

/** The service name the per-event plan uses for the primary fetch: it is answered by the event itself. */
export const EVENT_SERVICE = '__subscription_event__';

export interface SubscriptionPlan {
  /** The fetch that opens the subscription on the subgraph owning the root field. */
  primary: FetchNode;
  /** What every event runs: the primary fetch (answered by the event) then the entity fetches of other subgraphs. */
  perEvent: QueryPlan;
  operationContext: ReturnType<typeof buildOperationContext>;
}

const PLAN_CACHE_LIMIT = 500;

/**
 * Plans subscriptions with Apollo's own query planner over the same supergraph the gateway serves.
 * The planner already splits a subscription into a `primary` fetch and a `rest` plan; @apollo/gateway
 * only refuses to execute it.
 */
export function createSubscriptionPlanner(supergraphSdl: string) {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const schema: GraphQLSchema = apiSchema.toGraphQLJSSchema();
  const supergraphSchema: GraphQLSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const cache = new Map<string, SubscriptionPlan>();

  function plan(document: DocumentNode, operationName: string | null | undefined): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${print(document)}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const operationContext = buildOperationContext({
      schema,
      operationDocument: document,
      operationName: operationName ?? undefined,
    });
    const queryPlan = planner.buildQueryPlan(
      operationFromDocument(apiSchema, document, { operationName: operationName ?? undefined }),
    );
    const node = queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error('not a subscription operation');
    const answeredByEvent: FetchNode = { ...node.primary, serviceName: EVENT_SERVICE };
    const nodes: PlanNode[] = node.rest ? [answeredByEvent, node.rest] : [answeredByEvent];
    const result: SubscriptionPlan = {
      primary: node.primary,
      perEvent: { kind: 'QueryPlan', node: { kind: 'Sequence', nodes } },
      operationContext,
    };
    if (cache.size >= PLAN_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
    return result;
  }

  return { schema, apiSchema, supergraphSchema, plan };
}

export type SubscriptionPlanner = ReturnType<typeof createSubscriptionPlanner>;
