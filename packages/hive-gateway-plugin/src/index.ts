import type { GatewayConfigBase } from '@graphql-hive/gateway';
import { createIdentityAuthentication, type Logger } from '@switchyard/shared';
import type { HivePluginConfig } from './config.ts';
import { useSwitchyardAuthentication, type SwitchyardContext } from './plugin.ts';
import { signedWebSocketTransport } from './websocket-transport.ts';

export * from './config.ts';
export * from './plugin.ts';
export * from './websocket-transport.ts';

/**
 * The parts of a Hive Gateway config that put it in front of the subgraphs (spread them into
 * `defineConfig`; see gateway.config.ts): the authentication plugin, the signed websocket
 * transport for subscriptions, and per subgraph its URL from the environment, subscriptions over
 * its /graphql websocket, and no sharing of in-flight fetches (Hive keys that sharing on URL and
 * body only, before the plugin adds the caller: two callers would share one caller's answer).
 */
export function switchyardHiveGateway(config: HivePluginConfig, logger: Logger) {
  const identity = createIdentityAuthentication({
    identityUrl: config.identityUrl,
    jwtSecret: config.jwtSecret,
    internalSigningSecret: config.internalSigningSecret,
    authentication: config.authentication,
    breakers: config.breakers,
    logger,
  });
  const gatewayConfig = {
    plugins: () => [
      useSwitchyardAuthentication({
        authenticate: identity.authenticate,
        internalSigningSecret: config.internalSigningSecret,
        logger,
      }),
    ],
    transports: {
      http: import('@graphql-mesh/transport-http'),
      ws: signedWebSocketTransport(config.internalSigningSecret, logger),
    },
    transportEntries: {
      '*.http': {
        options: { deduplicateInflightRequests: false, subscriptions: { kind: 'ws', location: '/graphql' } },
      },
      ...Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, url]) => [name, { location: url }])),
    },
  } satisfies Partial<GatewayConfigBase<SwitchyardContext>>;
  return { gatewayConfig, stop: identity.stop };
}
