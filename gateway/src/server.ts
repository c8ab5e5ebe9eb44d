import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  OperationCancelledError,
  createErrorFormatter,
  createEventBus,
  createInternalClient,
  createMetrics,
  createNonceStore,
  createReadinessCheck,
  createServiceApp,
  createTokenBuckets,
  finishServiceApp,
  isReady,
  metricsAccess,
  metricsPlugin,
  followCircuitBreakerResets,
  mountCircuitBreakerResetRoute,
  mountCircuitBreakersRoute,
  mountEventFeedRoute,
  redisDependency,
  requireInternalSignature,
  type Logger,
  type SignedRequest,
} from '@switchyard/shared';
import type { Server, ServerResponse } from 'node:http';
import { createAuthentication } from './authentication.ts';
import type { GatewayConfig } from './config.ts';
import { createContext, originOfRequest, readSignedClientAddress, type GatewayContext } from './context.ts';
import { mountExportProxy } from './export-proxy.ts';
import { mountPushProxy } from './push-proxy.ts';
import { corsFor, localIntrospectionPlugin, subscriptionsElsewherePlugin } from './http-protocol.ts';
import { deduplicateInflight } from './inflight-deduplication.ts';
import { inflightOperationsPlugin } from './inflight-operations.ts';
import { createOperationLimits, schemaDisclosurePlugin } from './operation-limits.ts';
import { withFieldErrorsWhenUnavailable } from './partial-results.ts';
import { createRedisPersistedQueryCache } from './persisted-query-cache.ts';
import { createRateLimits } from './rate-limits.ts';
import { SignedDataSource } from './signed-data-source.ts';
import { createSubgraphBreakers } from './subgraph-breakers.ts';
import { createSubgraphFetchTimer } from './subgraph-fetch-metrics.ts';
import { attachClientWebSocket } from './subscriptions/client-websocket.ts';
import { createOperationExecutor } from './subscriptions/operation-executor.ts';
import { createOperationPreparer } from './subscriptions/prepare-operation.ts';
import { mountServerSentEvents } from './subscriptions/server-sent-events.ts';
import { createSubscriptionMetrics } from './subscriptions/subscription-metrics.ts';
import { createSubscriptionPlanner } from './subscriptions/subscription-planner.ts';
import { createUpstreamSubscriptions } from './subscriptions/upstream-subscriptions.ts';
import { createTrustedDocuments } from './trusted-documents.ts';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  supergraphSdl: string;
}

/** The gateway's HTTP app: authentication, the federated graph, health, readiness and metrics. No listening here. */
export async function createGatewayServer({ config, logger, supergraphSdl }: GatewayDeps) {
  const metrics = createMetrics('gateway');
  const client = createInternalClient({
    internalSigningSecret: config.internalSigningSecret,
    timeoutMs: config.subgraphTimeoutMs,
  });
  const bus = createEventBus({ redisUrl: config.redisUrl, logger });
  const nonceStore = createNonceStore({ redisUrl: config.redisUrl, logger });
  // An admin's reset (observability's resetCircuitBreaker) reaches every gateway replica on the bus.
  const breakerResets = followCircuitBreakerResets(bus, logger);
  const breakers = createSubgraphBreakers({
    ...config.breakers,
    timeoutMs: config.subgraphTimeoutMs,
    isReady: (subgraph) => isReady(config.subgraphUrls[subgraph]!),
    bus,
    logger,
  });
  // One data source per subgraph, shared by queries, mutations and the entity fetches of subscription events.
  const timeFetches = createSubgraphFetchTimer(metrics.registry);
  const dedup = config.subgraphDedup ? deduplicateInflight : (request: SignedRequest) => request;
  const serviceMap = Object.fromEntries(
    Object.entries(config.subgraphUrls).map(([name, url]) => [
      name,
      withFieldErrorsWhenUnavailable(
        new SignedDataSource(url, dedup(timeFetches(name, breakers.guard(name, client.request)))),
      ),
    ]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name }) => {
      const dataSource = serviceMap[name];
      if (!dataSource) throw new Error(`no URL configured for subgraph ${name}`);
      return dataSource;
    },
  });
  const formatError = createErrorFormatter(logger, config.development);
  const planner = createSubscriptionPlanner(supergraphSdl);
  const limits = createOperationLimits({ limits: config.operationLimits, schema: planner.schema, supergraphSdl });
  const rateLimits = createRateLimits({
    limits: config.rateLimits,
    buckets: createTokenBuckets({ redisUrl: config.redisUrl, logger }),
    registry: metrics.registry,
    logger,
  });
  const trusted = createTrustedDocuments({ mode: config.trustedDocuments });
  // Shared by the replicas with REDIS_URL; otherwise Apollo's in-memory cache of this process.
  const persistedQueries = config.redisUrl
    ? createRedisPersistedQueryCache({ redisUrl: config.redisUrl, logger })
    : null;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    persistedQueries: {
      ...(persistedQueries ? { cache: persistedQueries } : {}),
      ttl: config.persistedQueryTtlSeconds,
    },
    // Decided per caller by schemaDisclosurePlugin.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Apollo's CSRF prevention refuses GET queries without a preflight-forcing header (urql's
    // default GETs among them). It guards cookie-authenticated servers; this one reads credentials
    // from headers only (a cross-site request carries none), runs no mutation over GET, and parses
    // JSON bodies only, so a cross-site form can send nothing it would act on.
    csrfPrevention: false,
    plugins: [
      metricsPlugin(metrics),
      ApolloServerPluginLandingPageDisabled(),
      schemaDisclosurePlugin(config.introspection),
      trusted.plugin(),
      // Hooks of different plugins run concurrently: a refused document is refused before it is charged.
      limits.plugin(async (cost, requestContext) => {
        trusted.admit(requestContext);
        await rateLimits.admitRequest(cost, requestContext);
      }),
      subscriptionsElsewherePlugin(),
      localIntrospectionPlugin(formatError),
      ...(config.subgraphDedup ? [inflightOperationsPlugin()] : []),
    ],
  });
  await apollo.start();

  const subscriptionMetrics = createSubscriptionMetrics(metrics.registry);
  const upstream = createUpstreamSubscriptions({
    subgraphUrls: config.subgraphUrls,
    internalSigningSecret: config.internalSigningSecret,
    logger,
    onReconnect: (subgraph) => subscriptionMetrics.reconnects.inc({ subgraph }),
  });
  const executor = createOperationExecutor({ planner, upstream, serviceMap, apollo, metrics: subscriptionMetrics });
  const { authenticate, watch, authenticationBreakers, passCredentials, stopAuthentication } = createAuthentication(
    config,
    logger,
  );
  const prepare = createOperationPreparer({
    schema: planner.schema,
    limits,
    disclosure: config.introspection,
    rateLimits,
    trusted,
  });
  const app = createServiceApp({
    logger,
    metrics,
    metricsAccess: metricsAccess({
      internalSigningSecret: config.internalSigningSecret,
      nonces: nonceStore,
      token: config.metricsToken,
    }),
    ready: createReadinessCheck(config.subgraphUrls),
    dependencies: redisDependency(nonceStore),
    bodyLimit: config.http.bodyLimit,
  });
  app.set('trust proxy', config.http.trustProxyHops);
  app.use(readSignedClientAddress(config.http.edgeSigningSecret));
  const allowOrigins = corsFor(config.http.corsOrigins);
  if (allowOrigins) app.use(['/graphql', '/exports'], allowOrigins);
  // Before /graphql: Apollo's middleware would otherwise claim /graphql/stream.
  mountServerSentEvents(app, { schema: planner.schema, prepare, executor, authenticate, watch, formatError, logger });
  app.use(
    '/graphql',
    limits.textLimits,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const origin = originOfRequest(req);
        return {
          ...createContext(await authenticate(origin), origin, { passCredentials }),
          signal: abortedWhenClientLeaves(res),
        };
      },
    }),
  );
  mountExportProxy(app, { authenticate, client, subgraphUrls: config.subgraphUrls });
  mountPushProxy(app, { client, observabilityUrl: config.subgraphUrls.observability });
  // Observability reads the gateway's breaker events here, as it reads every subgraph's outbox.
  mountEventFeedRoute(app, breakers.feed, requireInternalSignature(config.internalSigningSecret, nonceStore));
  mountCircuitBreakersRoute(
    app,
    () => [...breakers.snapshots(), ...authenticationBreakers()],
    requireInternalSignature(config.internalSigningSecret, nonceStore),
  );
  mountCircuitBreakerResetRoute(app, requireInternalSignature(config.internalSigningSecret, nonceStore));
  finishServiceApp(app);
  const sockets: { close(): Promise<void> }[] = [];

  return {
    app,
    metrics,
    /** Serves graphql-ws subscriptions (and queries) on the listening server's /graphql. */
    attachWebSocket(server: Server) {
      sockets.push(
        attachClientWebSocket(server, {
          schema: planner.schema,
          prepare,
          executor,
          authenticate,
          watch,
          logger,
          metrics: subscriptionMetrics,
          formatError,
          limits: config.websocket,
          trustProxyHops: config.http.trustProxyHops,
          edgeSigningSecret: config.http.edgeSigningSecret,
        }),
      );
    },
    async stop() {
      await stopAuthentication();
      await Promise.all(sockets.map((socket) => socket.close()));
      await upstream.close();
      await apollo.stop();
      await client.close();
      await breakerResets.stop();
      await bus.close();
      await nonceStore.close();
      await rateLimits.close();
      await persistedQueries?.close();
    },
  };
}

/** Aborted when the connection closes before the answer was sent: the client went away. */
function abortedWhenClientLeaves(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new OperationCancelledError());
  });
  return controller.signal;
}
