import type { IncomingMessage, Server } from 'node:http';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { WebSocket, WebSocketServer } from 'ws';
import { RateLimitedError, credentialsOfParams, type Authenticator, type Logger } from '@switchyard/shared';
import { createContext, originOfSocket, type GatewayContext, type RequestOrigin } from '../context.ts';
import { endFor, type CredentialEnd, type CredentialLease, type CredentialWatch } from '../credential-watch.ts';
import { operationOf, type OperationExecutor } from './operation-executor.ts';
import { executionArgsOf, type OperationPreparer } from './prepare-operation.ts';
import { formatErrors, formatResult, type ErrorFormatter } from './results.ts';
import type { SubscriptionMetrics } from './subscription-metrics.ts';

/**
 * Close codes this server sends. graphql-ws clients give up on 4401 (and 4429); they reconnect
 * after 4403, 4440 and 1013, which is the point: new permissions, a fresh access token, or
 * identity back.
 */
export const CLOSE_CODES = {
  unauthorized: CloseCode.Unauthorized,
  permissionsChanged: CloseCode.Forbidden,
  tokenExpired: 4440,
  tooManyConnections: 4429,
  tryAgainLater: 1013,
} as const;

export interface ClientWebSocketLimits {
  maxSubscriptionsPerConnection: number;
  keepAliveMs: number;
}

export interface ClientWebSocketDeps {
  schema: GraphQLSchema;
  prepare: OperationPreparer;
  executor: OperationExecutor;
  authenticate: Authenticator;
  watch: CredentialWatch;
  logger: Logger;
  metrics: SubscriptionMetrics;
  formatError: ErrorFormatter;
  limits: ClientWebSocketLimits;
  trustProxyHops: number;
  edgeSigningSecret: string | undefined;
}

interface Connection {
  origin: RequestOrigin;
  lease: CredentialLease;
  context: GatewayContext;
  subscriptions: number;
}

type Extra = { socket: WebSocket; request: IncomingMessage };
type ConnectionContext = Context<Record<string, unknown>, Extra>;

const CLOSE_REASONS: Record<CredentialEnd, [number, string]> = {
  revoked: [CLOSE_CODES.unauthorized, 'Unauthorized'],
  expired: [CLOSE_CODES.tokenExpired, 'Access token expired; reconnect with a fresh one'],
  permissionsChanged: [CLOSE_CODES.permissionsChanged, 'Permissions changed; reconnect'],
};

/**
 * graphql-ws on the gateway's /graphql: credentials in connection_init (`authorization: "Bearer …"`
 * or `apiKey`), the same rules as HTTP. Subscriptions run federated (see federated-subscription.ts);
 * queries and mutations go through Apollo like HTTP requests. The credential watch holds each
 * connection to its credential; a `ping` whose payload carries a credential renews it in place.
 */
export function attachClientWebSocket(server: Server, deps: ClientWebSocketDeps) {
  const { limits, metrics, logger } = deps;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 1024 * 1024 });
  const connections = new WeakMap<object, Connection>();

  const close = (ctx: ConnectionContext, [code, reason]: [number, string]) => {
    // A close reason is at most 123 bytes; ws throws beyond that.
    if (ctx.extra.socket.readyState === WebSocket.OPEN) ctx.extra.socket.close(code, reason.slice(0, 120));
  };

  async function connect(ctx: ConnectionContext): Promise<boolean | void> {
    const origin = originOfSocket(ctx.extra.request, ctx.connectionParams ?? {}, {
      trustProxyHops: deps.trustProxyHops,
      edgeSigningSecret: deps.edgeSigningSecret,
      logger,
    });
    let principal;
    try {
      principal = await deps.authenticate(origin);
    } catch (error) {
      origin.log.info({ err: error }, 'websocket authentication failed');
      const end = endFor(error as GraphQLError);
      // Not a verdict on the credential (identity unreachable): the client may try again.
      return void close(ctx, end ? CLOSE_REASONS[end] : [CLOSE_CODES.tryAgainLater, 'Try again later']);
    }
    if (!principal) return void close(ctx, CLOSE_REASONS.revoked);
    // A socket that closed while we were asking identity (a page navigating away) must not take a place.
    if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
    let lease: CredentialLease;
    try {
      lease = deps.watch.open(origin, principal);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return void close(ctx, [CLOSE_CODES.tooManyConnections, error.message]);
    }
    void lease.ended.then((end) => close(ctx, CLOSE_REASONS[end]));
    metrics.connections.inc();
    connections.set(ctx, { origin, lease, context: createContext(principal, origin), subscriptions: 0 });
    return true;
  }

  /** A ping carrying `{ authorization }` (or `{ apiKey }`) renews the connection's credential. */
  async function renew(ctx: ConnectionContext, payload: unknown): Promise<void> {
    const connection = connections.get(ctx);
    if (!connection || typeof payload !== 'object' || payload === null) return;
    const fresh = credentialsOfParams(payload as Record<string, unknown>);
    if (!fresh.authorization && !fresh.apiKey) return;
    const credential = { ...connection.origin, ...fresh };
    let principal;
    try {
      principal = await deps.authenticate(credential);
    } catch (error) {
      const end = endFor(error as GraphQLError);
      // Identity unreachable: the current credential stays until the next re-check.
      if (!end) return void connection.origin.log.warn({ err: error }, 'could not check a renewed credential');
      return void close(ctx, CLOSE_REASONS[end]);
    }
    if (!principal) return void close(ctx, CLOSE_REASONS.revoked);
    const outcome = connection.lease.renew(credential, principal);
    if (outcome === 'otherUser') return void close(ctx, [CLOSE_CODES.permissionsChanged, 'Another user; reconnect']);
    if (outcome === 'renewed') {
      connection.origin = credential;
      connection.context.principal = principal;
    }
  }

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema: deps.schema,
      connectionInitWaitTimeout: 5_000,
      onConnect: connect,
      onPing: renew,
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx);
        if (!connection) return [new RateLimitedError('The connection is closing', 1)];
        if (connection.subscriptions >= limits.maxSubscriptionsPerConnection) {
          return [
            new RateLimitedError(
              `Too many subscriptions on this connection (at most ${limits.maxSubscriptionsPerConnection})`,
              1,
            ),
          ];
        }
        const prepared = await deps.prepare(payload, connection.context);
        if (prepared.errors) return prepared.errors;
        return executionArgsOf(deps.schema, prepared.operation, connection);
      },
      execute: (args) => deps.executor.execute(operationOf(args, (args.contextValue as Connection).context)),
      subscribe: (args) => {
        const connection = args.contextValue as Connection;
        return countSubscription(connection, deps.executor.subscribe(operationOf(args, connection.context)));
      },
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result, deps.formatError),
      // graphql-ws types onError's answer as GraphQLErrors; formatted errors serialize the same way.
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors, deps.formatError) as never,
      onClose: (ctx) => {
        const connection = connections.get(ctx);
        if (!connection) return;
        connections.delete(ctx);
        connection.lease.release();
        metrics.connections.dec();
      },
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    async close() {
      await disposable.dispose();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

/** Counts the subscription on its connection until it ends, passing return() straight through (see OperationExecutor.subscribe). */
function countSubscription(
  connection: Connection,
  results: AsyncIterableIterator<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  connection.subscriptions += 1;
  let counted = true;
  const release = () => {
    if (counted) connection.subscriptions -= 1;
    counted = false;
  };
  const ended = <T>(step: Promise<T>) => step.finally(release);
  return {
    // Not an async function: every event passes here for every client, and each await costs ticks.
    next: () =>
      results.next().then(
        (step) => {
          if (step.done) release();
          return step;
        },
        (error: unknown) => {
          release();
          throw error;
        },
      ),
    return: (value?: unknown) =>
      ended(results.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined })),
    throw: (error?: unknown) => ended(results.throw?.(error) ?? Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
