import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  EVENT_FEED_PATH,
  createErrorFormatter,
  createEventBus,
  createInternalClient,
  createMetrics,
  createNonceStore,
  createServiceApp,
  eventFeedHandler,
  finishServiceApp,
  formatTraceparent,
  metricsPlugin,
  requireInternalSignature,
  type Logger,
} from '@switchyard/shared';
import type { Server } from 'node:http';
import { createAuthenticator, credentialsOf } from './authenticate.ts';
import { mountExportProxy } from './export-proxy.ts';
import { deduplicateInflight } from './inflight-deduplication.ts';
import type { GatewayConfig } from './config.ts';
import { createReadinessCheck } from './readiness.ts';
import { SignedDataSource, type GatewayContext } from './signed-data-source.ts';
import { createSubgraphBreakers } from './subgraph-breakers.ts';
import { createSubgraphFetchTimer } from './subgraph-fetch-metrics.ts';
import { attachClientWebSocket } from './subscriptions/client-websocket.ts';
import { createOperationExecutor } from './subscriptions/operation-executor.ts';
import { mountServerSentEvents } from './subscriptions/server-sent-events.ts';
import { createSubscriptionMetrics } from './subscriptions/subscription-metrics.ts';
import { createSubscriptionPlanner } from './subscriptions/subscription-planner.ts';
import { createUpstreamSubscriptions } from './subscriptions/upstream-subscriptions.ts';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  supergraphSdl: string;
}

/** The gateway's HTTP app: authentication, the federated graph, health, readiness and metrics. No listening here. */
export async function createGatewayServer({ config, logger, supergraphSdl }: GatewayDeps) {
  const metrics = createMetrics('gateway');
  const client = createInternalClient({ internalSigningSecret: config.internalSigningSecret, timeoutMs: config.subgraphTimeoutMs });
  const bus = createEventBus({ redisUrl: config.redisUrl, logger });
  const nonceStore = createNonceStore({ redisUrl: config.redisUrl, logger });
  const breakers = createSubgraphBreakers({ ...config.breakers, bus, logger });
  // One data source per subgraph, shared by queries, mutations and the entity fetches of subscription events.
  const timeFetches = createSubgraphFetchTimer(metrics.registry);
  const serviceMap = Object.fromEntries(
    Object.entries(config.subgraphUrls).map(([name, url]) => [
      name,
      new SignedDataSource({ url, fetcher: deduplicateInflight(timeFetches(name, breakers.guard(name, client.fetch))) as never }),
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
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [metricsPlugin(metrics), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const subscriptionMetrics = createSubscriptionMetrics(metrics.registry);
  const planner = createSubscriptionPlanner(supergraphSdl);
  const upstream = createUpstreamSubscriptions({
    subgraphUrls: config.subgraphUrls,
    internalSigningSecret: config.internalSigningSecret,
    logger,
    onReconnect: (subgraph) => subscriptionMetrics.reconnects.inc({ subgraph }),
  });
  const executor = createOperationExecutor({ planner, upstream, serviceMap, apollo, metrics: subscriptionMetrics });
  const authenticate = createAuthenticator({ jwtSecret: config.jwtSecret, identityUrl: config.subgraphUrls.identity!, client });
  const app = createServiceApp({ logger, metrics, ready: createReadinessCheck(config.subgraphUrls), bodyLimit: config.http.bodyLimit });
  app.set('trust proxy', config.http.trustProxyHops);
  // Before /graphql: Apollo's middleware would otherwise claim /graphql/stream.
  mountServerSentEvents(app, { schema: planner.schema, executor, authenticate, formatError, reauthIntervalMs: config.websocket.reauthIntervalMs });
  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        principal: await authenticate(credentialsOf(req)),
        requestId: req.requestId,
        clientIp: req.ip ?? null,
        userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
        traceparent: formatTraceparent(req.trace),
      }),
    }),
  );
  mountExportProxy(app, { authenticate, client, subgraphUrls: config.subgraphUrls });
  // Observability reads the gateway's breaker events here, as it reads every subgraph's outbox.
  app.get(EVENT_FEED_PATH, requireInternalSignature(config.internalSigningSecret, nonceStore), eventFeedHandler(breakers.feed));
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
          executor,
          authenticate,
          logger,
          metrics: subscriptionMetrics,
          formatError,
          limits: config.websocket,
        }),
      );
    },
    async stop() {
      await Promise.all(sockets.map((socket) => socket.close()));
      await upstream.close();
      await apollo.stop();
      await client.close();
      await bus.close();
      await nonceStore.close();
    },
  };
}
