import type { Server } from 'node:http';
import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isDomainEvent } from './event-stream.ts';
import type { createErrorFormatter } from './graphql-errors.ts';
import { verifyRequest, type NonceStore } from './internal-signature.ts';
import type { Logger } from './logger.ts';
import type { ForwardedContext } from './principal.ts';
import { subgraphLimitError } from './subgraph-operation-limits.ts';
import type { RequestScope } from './subgraph-server.ts';

/**
 * What the gateway sends: `connection_init` carries `{ context, signature }` signed like an HTTP
 * request with an empty body, which authenticates the whole connection as the gateway; each
 * subscribe message then carries the subscriber in `extensions.forwarded` and, when the gateway
 * resubscribes after a reconnect, `extensions.since` (the last event it saw).
 */
export type UpstreamConnectionParams = {
  context: string;
  signature: string;
};
export interface UpstreamSubscribeExtensions {
  forwarded: ForwardedContext;
  since?: string | null;
}
/** Sent with every event in `extensions.event`, so the gateway can de-duplicate and resume. */
export interface EventMetadata {
  id: string;
  occurredAt: string;
}

export interface SubgraphWebSocketOptions<TContext> {
  schema: GraphQLSchema;
  internalSigningSecret: string;
  nonceStore: NonceStore;
  logger: Logger;
  formatError: ReturnType<typeof createErrorFormatter>;
  createContext: (scope: RequestScope) => TContext | Promise<TContext>;
}

export function attachSubgraphWebSocket<TContext>(server: Server, options: SubgraphWebSocketOptions<TContext>) {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const disposable = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const params = (ctx.connectionParams ?? {}) as Partial<UpstreamConnectionParams>;
        const result = await verifyRequest(
          options.internalSigningSecret,
          options.nonceStore,
          { context: params.context, signature: params.signature },
          '',
        );
        if (!result.ok) options.logger.warn({ reason: result.reason }, 'refused websocket without gateway signature');
        return result.ok;
      },
      onSubscribe: (_ctx, _id, payload) => {
        const refused = subgraphLimitError(payload.query);
        return refused ? [refused] : undefined;
      },
      context: async (_ctx, _id, payload) => {
        const extensions = (payload.extensions ?? {}) as Partial<UpstreamSubscribeExtensions>;
        const forwarded = extensions.forwarded ?? {
          principal: null,
          requestId: 'websocket',
          clientIp: null,
          userAgent: null,
        };
        const since = extensions.since ? new Date(extensions.since) : null;
        return options.createContext({
          ...forwarded,
          logger: options.logger.child({ requestId: forwarded.requestId }),
          replaySince: since && !Number.isNaN(since.getTime()) ? since : null,
          // A subscription runs until the gateway ends it; its events are small and bounded.
          signal: NEVER_ABORTED,
        }) as never;
      },
      subscribe: subscribeWithEventMetadata,
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => options.formatError(error.toJSON(), error)) }
          : undefined,
    },
    wss,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

const NEVER_ABORTED = new AbortController().signal;

/** graphql-js `subscribe`, but each result carries the domain event's id and time in `extensions.event`. */
async function subscribeWithEventMetadata(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  return (async function* () {
    for await (const event of source as AsyncIterable<unknown>) {
      const result = await execute({ ...args, rootValue: event });
      yield isDomainEvent(event)
        ? {
            ...result,
            extensions: {
              ...result.extensions,
              event: { id: event.id, occurredAt: event.occurredAt } satisfies EventMetadata,
            },
          }
        : result;
    }
  })();
}
