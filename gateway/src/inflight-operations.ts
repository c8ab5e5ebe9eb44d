import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from './context.ts';

/** A follower stops waiting for a leader after this long and runs the operation itself. */
const MAX_WAIT_MS = 30_000;

/**
 * Identical queries in flight at the same moment, for the same caller, run once: the first one
 * (the leader) is executed, and the others that arrive while it runs answer with its result. The
 * step above the subgraph fetches' own sharing (inflight-deduplication.ts): with fifty clients
 * asking the same dashboard, the plan is executed and its results merged once instead of fifty
 * times. Every request still goes through parsing, validation, the operation limits, the rate
 * limits and the metrics as its own.
 *
 * "The same" is the same document, operation name and variables, the same principal and the same
 * passed-on credentials, so nobody is answered with what another caller may read. Only queries are
 * shared, and only a result without errors: a leader cancelled by its client, or one that met an
 * unavailable subgraph, lets each follower run on its own.
 */
export function inflightOperationsPlugin(): ApolloServerPlugin<GatewayContext> {
  const running = new Map<string, Promise<FormattedExecutionResult | null>>();
  return {
    async requestDidStart() {
      // Set when this request leads: publishes its result to the followers and frees the key.
      let publish: ((result: FormattedExecutionResult | null) => void) | undefined;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation?.operation !== 'query') return null;
          const key = keyOf(requestContext);
          const shared = running.get(key);
          if (!shared) {
            let resolve!: (result: FormattedExecutionResult | null) => void;
            running.set(key, new Promise((settle) => (resolve = settle)));
            publish = (result) => {
              running.delete(key);
              resolve(result);
            };
            return null;
          }
          const result = await waitAtMost(shared, MAX_WAIT_MS);
          // A copy: plugins that add to one response's result must not reach the others.
          return result
            ? { http: requestContext.response.http, body: { kind: 'single', singleResult: { ...result } } }
            : null;
        },
        async willSendResponse({ response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          publish?.(result && !result.errors?.length ? result : null);
        },
      };
    },
  };
}

function keyOf({ source, request, contextValue }: GraphQLRequestContext<GatewayContext>): string {
  return JSON.stringify([
    source,
    request.operationName ?? null,
    request.variables ?? null,
    contextValue.principal,
    contextValue.credentials ?? null,
  ]);
}

async function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, ms, null)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
