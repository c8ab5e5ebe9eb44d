import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { WebSocket, WebSocketServer } from 'ws';
import { RateLimitedError, type Logger, type Principal, type createErrorFormatter } from '@switchyard/shared';
import type { Authenticator, CredentialRequest } from '../authenticate.ts';
import type { GatewayContext } from '../signed-data-source.ts';
import type { Operation, OperationExecutor } from './operation-executor.ts';
import type { SubscriptionMetrics } from './subscription-metrics.ts';

export interface ClientWebSocketLimits {
  maxSubscriptionsPerConnection: number;
  maxConnectionsPerUser: number;
  /** How often a connection's credential is checked again; bounds how long a revoked one keeps its socket. */
  reauthIntervalMs: number;
  keepAliveMs: number;
}

export interface ClientWebSocketDeps {
  schema: GraphQLSchema;
  executor: OperationExecutor;
  authenticate: Authenticator;
  logger: Logger;
  metrics: SubscriptionMetrics;
  formatError: ReturnType<typeof createErrorFormatter>;
  limits: ClientWebSocketLimits;
}

interface Connection {
  credential: CredentialRequest;
  principal: Principal;
  context: GatewayContext;
  subscriptions: number;
  timer: NodeJS.Timeout;
}

type Extra = { socket: WebSocket; request: IncomingMessage };

/**
 * graphql-ws on the gateway's /graphql: credentials in connection_init (`authorization: "Bearer …"`
 * or `apiKey`), the same rules as HTTP. Subscriptions run federated (see federated-subscription.ts);
 * queries and mutations go through Apollo like HTTP requests. A credential that stops being valid
 * closes the socket with 4401 (4403 when permissions changed) within `reauthIntervalMs`.
 */
export function attachClientWebSocket(server: Server, deps: ClientWebSocketDeps) {
  const { limits, metrics, logger } = deps;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 1024 * 1024 });
  const connections = new WeakMap<object, Connection>();
  const perUser = new Map<string, number>();

  const release = (ctx: Context<Record<string, unknown>, Extra>) => {
    const connection = connections.get(ctx);
    if (!connection) return;
    connections.delete(ctx);
    clearInterval(connection.timer);
    metrics.connections.dec();
    const left = (perUser.get(connection.principal.userId) ?? 1) - 1;
    if (left > 0) perUser.set(connection.principal.userId, left);
    else perUser.delete(connection.principal.userId);
  };

  async function recheck(ctx: Context<Record<string, unknown>, Extra>) {
    const connection = connections.get(ctx);
    if (!connection) return;
    try {
      const principal = await deps.authenticate(connection.credential);
      if (!principal) return void ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
      if (principal.role !== connection.principal.role || String(principal.scopes) !== String(connection.principal.scopes)) {
        ctx.extra.socket.close(CloseCode.Forbidden, 'Permissions changed; reconnect');
      }
    } catch (error) {
      const code = (error as GraphQLError).extensions?.code;
      if (code === 'UNAUTHENTICATED') ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
      else logger.warn({ err: error }, 'could not re-check a websocket credential; keeping it until the next check');
    }
  }

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema: deps.schema,
      connectionInitWaitTimeout: 5_000,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const requestId = randomUUID();
        const clientIp = ctx.extra.request.socket.remoteAddress ?? null;
        const credential: CredentialRequest = {
          authorization: stringParam(params.authorization ?? params.Authorization),
          apiKey: stringParam(params.apiKey ?? params['x-api-key']),
          requestId,
          clientIp,
          log: logger.child({ requestId }),
        };
        let principal: Principal | null = null;
        try {
          principal = await deps.authenticate(credential);
        } catch (error) {
          credential.log.info({ err: error }, 'websocket authentication failed');
        }
        if (!principal) return void ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
        // A socket that closed while we were asking identity (a page navigating away) was already
        // released by onClose: counting it now would hold one of the user's connections forever.
        if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
        const open = perUser.get(principal.userId) ?? 0;
        if (open >= limits.maxConnectionsPerUser) {
          return void ctx.extra.socket.close(4429, `Too many connections (at most ${limits.maxConnectionsPerUser} per user)`);
        }
        perUser.set(principal.userId, open + 1);
        metrics.connections.inc();
        const userAgent = ctx.extra.request.headers['user-agent']?.slice(0, 300) ?? null;
        connections.set(ctx, {
          credential,
          principal,
          context: { principal, requestId, clientIp, userAgent },
          subscriptions: 0,
          timer: setInterval(() => void recheck(ctx), limits.reauthIntervalMs).unref(),
        });
        return true;
      },
      context: (ctx) => ({ connection: connections.get(ctx) }),
      onSubscribe: (ctx) => {
        const connection = connections.get(ctx)!;
        if (connection.subscriptions >= limits.maxSubscriptionsPerConnection) {
          return [new RateLimitedError(`Too many subscriptions on this connection (at most ${limits.maxSubscriptionsPerConnection})`, 1)];
        }
        return undefined;
      },
      execute: (args) => deps.executor.execute(operationOf(args)),
      subscribe: (args) => {
        const { connection } = args.contextValue as { connection: Connection };
        return countSubscription(connection, deps.executor.subscribe(operationOf(args)));
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => deps.formatError(error instanceof GraphQLError ? error.toJSON() : error, error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => deps.formatError(error.toJSON(), error)) as never,
      onClose: (ctx) => release(ctx),
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

function operationOf(args: ExecutionArgs): Operation {
  const { connection } = args.contextValue as { connection: Connection };
  return { document: args.document, operationName: args.operationName, variables: args.variableValues as Record<string, unknown>, context: connection.context };
}

/** Counts the subscription on its connection until it ends, passing return() straight through (see OperationExecutor.subscribe). */
function countSubscription(connection: Connection, results: AsyncIterableIterator<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
  connection.subscriptions += 1;
  let counted = true;
  const release = () => {
    if (counted) connection.subscriptions -= 1;
    counted = false;
  };
  const ended = <T>(step: Promise<T>) => step.finally(release);
  return {
    async next() {
      try {
        const step = await results.next();
        if (step.done) release();
        return step;
      } catch (error) {
        release();
        throw error;
      }
    },
    return: (value?: unknown) => ended(results.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined })),
    throw: (error?: unknown) => ended(results.throw?.(error) ?? Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
