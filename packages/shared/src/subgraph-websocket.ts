import { randomUUID } from 'node:crypto';
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
import { EventsGapError } from './errors.ts';
import { EVENTS_GAP, isDomainEvent, type OutboxPosition, type ReplayPoint } from './event-stream.ts';
import type { createErrorFormatter } from './graphql-errors.ts';
import { encodeContext, signRequest, verifyRequest, type NonceStore } from './internal-signature.ts';
import type { Logger } from './logger.ts';
import type { ForwardedContext } from './principal.ts';
import { subgraphLimitError } from './subgraph-operation-limits.ts';
import type { RequestScope } from './subgraph-server.ts';

/**
 * What the gateway sends: `connection_init` carries `{ context, signature }` signed like an HTTP
 * request with an empty body, which authenticates the whole connection as the gateway; each
 * subscribe message then carries the subscriber in `extensions.forwarded` and where its events
 * start: `extensions.after` (the last event it has, when it resumes) or `extensions.since` (a new
 * subscription's short look-back).
 */
export type UpstreamConnectionParams = {
  context: string;
  signature: string;
};

/**
 * A gateway's `connection_init` payload: signed anew for every (re)connection, since a signature is
 * accepted once (the nonce store) and within its clock window.
 */
export function signedConnectionParams(internalSigningSecret: string): UpstreamConnectionParams {
  const context = encodeContext({ principal: null, requestId: `ws-${randomUUID()}`, clientIp: null, userAgent: null });
  return { context, signature: signRequest(internalSigningSecret, context, '') };
}

export interface UpstreamSubscribeExtensions {
  forwarded: ForwardedContext;
  after?: OutboxPosition | null;
  since?: string | null;
}
/**
 * A subscriber may have missed what committed just before its subscription reached the subgraph
 * (the event bus is not durable): a new subscribe asks for this much look-back (`since`); the
 * gateway de-duplicates by event id.
 */
export const INITIAL_SUBSCRIPTION_REPLAY_MS = 2_000;

/** Sent with every event in `extensions.event`, so the gateway can de-duplicate and resume. */
export interface EventMetadata {
  id: string;
  occurredAt: string;
  position: string | null;
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
        return options.createContext({
          ...forwarded,
          logger: options.logger.child({ requestId: forwarded.requestId }),
          replayFrom: replayPointOf(extensions),
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

function replayPointOf(extensions: Partial<UpstreamSubscribeExtensions>): ReplayPoint | null {
  const { after, since } = extensions;
  if (after && typeof after.position === 'string' && typeof after.id === 'string')
    return { after: { position: after.position, id: after.id } };
  const instant = typeof since === 'string' ? new Date(since) : null;
  return instant && !Number.isNaN(instant.getTime()) ? { since: instant } : null;
}

/**
 * graphql-js `subscribe`, but each result carries the domain event's id, time and outbox position
 * in `extensions.event`, and a resume that cannot be replayed is told so with an EVENTS_GAP error.
 */
async function subscribeWithEventMetadata(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  return (async function* () {
    for await (const event of source as AsyncIterable<unknown>) {
      if (event === EVENTS_GAP) {
        yield { errors: [new EventsGapError()] } as ExecutionResult;
        continue;
      }
      const result = await execute({ ...args, rootValue: event });
      yield isDomainEvent(event)
        ? {
            ...result,
            extensions: {
              ...result.extensions,
              event: {
                id: event.id,
                occurredAt: event.occurredAt,
                position: event.position ?? null,
              } satisfies EventMetadata,
            },
          }
        : result;
    }
  })();
}
