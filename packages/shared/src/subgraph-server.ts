import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Server } from 'node:http';
import type { Express, Router } from 'express';
import express from 'express';
import type { DocumentNode } from 'graphql';
import { applyAuthorization } from './authorization.ts';
import { createErrorFormatter, databaseUnavailablePlugin } from './graphql-errors.ts';
import { createServiceApp, finishServiceApp, redisDependency } from './http.ts';
import { processCircuitBreakers } from './circuit-breakers.ts';
import { outboxEventFeed } from './event-feed.ts';
import { mountCircuitBreakerResetRoute, mountCircuitBreakersRoute } from './internal-routes/circuit-breakers.ts';
import { mountEventFeedRoute } from './internal-routes/event-feed.ts';
import { mountDatabaseDumpRoute, type DatabaseDump } from './internal-routes/database-dump.ts';
import { requireInternalSignature } from './internal-signature-middleware.ts';
import { createMemoryNonceStore, type NonceStore } from './internal-signature.ts';
import type { Logger } from './logger.ts';
import { metricsAccess } from './metrics-access.ts';
import { createMetrics, metricsPlugin, type ServiceMetrics } from './metrics.ts';
import {
  DEFAULT_OPERATION_GUARD_LIMITS,
  createOperationGuards,
  guardResolvers,
  type OperationGuardLimits,
} from './operation-guard.ts';
import { subgraphOperationLimits, subgraphTextLimits } from './subgraph-operation-limits.ts';
import type { ReplayPoint } from './event-stream.ts';
import type { RawSqlClient } from './outbox.ts';
import type { ForwardedContext } from './principal.ts';
import { attachSubgraphWebSocket } from './subgraph-websocket.ts';

/** What every subgraph's context starts from: the verified caller and a request-scoped logger. */
export interface RequestScope extends ForwardedContext {
  logger: Logger;
  /** For subscriptions: where the gateway asked the event stream to start (see eventStream). Null otherwise. */
  replayFrom: ReplayPoint | null;
  /**
   * Aborted when the operation is stopped (its caller went away, its deadline passed, its answer
   * grew too large): for data layers that can pass it on. Never aborted for subscriptions.
   */
  signal: AbortSignal;
}

export interface SubgraphAppOptions<TContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: object;
  internalSigningSecret: string;
  logger: Logger;
  development: boolean;
  ready: () => Promise<void>;
  createContext: (scope: RequestScope) => TContext | Promise<TContext>;
  /** Extra routes behind the gateway signature (internal endpoints such as identity's authenticate). */
  internalRoutes?: (router: Router) => void;
  /** Routes reached without the gateway (e.g. webhooks from devices); each must authenticate its caller itself. */
  publicRoutes?: (router: Router) => void;
  /** The subgraph's database: its outbox is served to other services at the event feed route. */
  outbox?: RawSqlClient;
  nonceStore?: NonceStore;
  /** Each operation's deadline and field cap (see operation-guard.ts); defaults when not given. */
  operationGuard?: OperationGuardLimits;
  /** The database's consistent dump: served at the database dump route when given. */
  databaseDump?: DatabaseDump;
}

export interface SubgraphApp {
  app: Express;
  metrics: ServiceMetrics;
  /** Serves subscriptions (graphql-ws) on the listening server's /graphql. */
  attachWebSocket(server: Server): void;
  stop(): Promise<void>;
}

/**
 * Builds a subgraph's HTTP app: the federation schema with @authz applied, requests accepted only
 * with the gateway's signature (health and readiness excepted; metrics too, by metrics-access.ts), shared error formatting
 * and metrics. No listening and no environment reading: index.ts does that, tests call this.
 */
export async function createSubgraphApp<TContext extends object>(
  options: SubgraphAppOptions<TContext>,
): Promise<SubgraphApp> {
  const { name, typeDefs, logger, development } = options;
  const metrics = createMetrics(name);
  const nonceStore = options.nonceStore ?? createMemoryNonceStore();
  const formatError = createErrorFormatter(logger, development);
  // The resolver map's static type is checked per subgraph by codegen's Resolvers type.
  const resolvers = applyAuthorization(typeDefs, options.resolvers) as never;
  const schema = guardResolvers(buildSubgraphSchema({ typeDefs, resolvers }));
  const guards = createOperationGuards({
    limits: options.operationGuard ?? DEFAULT_OPERATION_GUARD_LIMITS,
    registry: metrics.registry,
    logger,
  });
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Inline traces only feed Apollo Studio, which this product does not use.
    plugins: [
      metricsPlugin(metrics),
      subgraphOperationLimits(),
      databaseUnavailablePlugin(),
      guards.plugin,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();

  const app = createServiceApp({
    logger,
    metrics,
    metricsAccess: metricsAccess({ internalSigningSecret: options.internalSigningSecret, nonces: nonceStore }),
    ready: options.ready,
    dependencies: redisDependency(nonceStore),
  });
  if (options.publicRoutes) {
    const unsigned = express.Router();
    options.publicRoutes(unsigned);
    app.use(unsigned);
  }
  const signed = express.Router();
  signed.use(requireInternalSignature(options.internalSigningSecret, nonceStore));
  options.internalRoutes?.(signed);
  if (options.outbox) mountEventFeedRoute(signed, outboxEventFeed(options.outbox));
  mountCircuitBreakersRoute(signed, processCircuitBreakers);
  mountCircuitBreakerResetRoute(signed);
  if (options.databaseDump) mountDatabaseDumpRoute(signed, options.databaseDump, logger);
  signed.use(
    '/graphql',
    subgraphTextLimits,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const guard = guards.forResponse(res);
        const scope = {
          ...(res.locals.forwarded as ForwardedContext),
          logger: req.log,
          replayFrom: null,
          signal: guard.signal,
        };
        return guards.bind(await options.createContext(scope), guard);
      },
    }),
  );
  app.use(signed);
  finishServiceApp(app);
  const sockets: { close(): Promise<void> }[] = [];
  return {
    app,
    metrics,
    attachWebSocket(server) {
      sockets.push(
        attachSubgraphWebSocket(server, {
          schema,
          internalSigningSecret: options.internalSigningSecret,
          nonceStore,
          logger,
          formatError,
          createContext: options.createContext,
        }),
      );
    },
    async stop() {
      await Promise.all(sockets.map((socket) => socket.close()));
      await apollo.stop();
    },
  };
}
