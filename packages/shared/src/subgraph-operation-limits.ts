import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { parse, type GraphQLError } from 'graphql';
import { withHttpStatus } from './errors.ts';
import { checkShape, checkSource, measureOperation } from './operation-limits.ts';

/**
 * A subgraph's own limits, behind the gateway's (OPERATION_MAX_* there): what the gateway sends is
 * the client's operation split per subgraph, with fragments inlined and entity fetches one level
 * deeper (`_entities { ... on T { … } }`), so these leave room above the gateway's defaults
 * (1,000 tokens, depth 10). They hold if a request reaches a subgraph some other way (a
 * misrouted or replayed call, a gateway configured too loosely) and cannot exhaust it.
 */
export const SUBGRAPH_OPERATION_LIMITS = { maxSize: 100_000, maxTokens: 5_000, depth: 15 } as const;

/** The size and token limits before Apollo parses the operation. */
export const subgraphTextLimits: RequestHandler = (req, res, next) => {
  const query: unknown = req.method === 'GET' ? req.query.query : req.body?.query;
  const refused = typeof query === 'string' ? checkSource(query, SUBGRAPH_OPERATION_LIMITS) : null;
  if (!refused) return next();
  res.status(400).json({ errors: [{ message: refused.message, extensions: refused.extensions }] });
};

/** The depth limit, before the operation executes. */
export function subgraphOperationLimits(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName }) {
          const shape = measureOperation(document, operationName);
          const refused = shape && checkShape(shape, { depth: SUBGRAPH_OPERATION_LIMITS.depth });
          if (refused) throw withHttpStatus(refused);
        },
      };
    },
  };
}

/**
 * All of a subgraph's limits on one operation's text (its websocket, where no Apollo pipeline
 * runs): null when within them or unparsable (graphql-ws then reports the syntax error).
 */
export function subgraphLimitError(query: string): GraphQLError | null {
  const tooBig = checkSource(query, SUBGRAPH_OPERATION_LIMITS);
  if (tooBig) return tooBig;
  let shape;
  try {
    shape = measureOperation(parse(query));
  } catch {
    return null;
  }
  return shape && checkShape(shape, { depth: SUBGRAPH_OPERATION_LIMITS.depth });
}
