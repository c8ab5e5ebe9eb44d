import {
  createIdentityAuthentication,
  type Authenticator,
  type CircuitBreakerSnapshot,
  type Logger,
} from '@switchyard/shared';
import type { GatewayConfig } from './config.ts';
import { createCredentialWatch } from './credential-watch.ts';

/**
 * How the gateway knows its callers. With an identity subgraph in the supergraph: credentials are
 * checked with it (authenticate.ts), remembered for its outages, forgotten on its revocation
 * events, and long-lived connections are held to them (credential-watch.ts). Without one (another
 * team's supergraph): the gateway authenticates nobody, every request is anonymous to it, and the
 * client's Authorization and x-api-key headers are passed to the subgraphs, which check them.
 */
export function createAuthentication(config: GatewayConfig, logger: Logger) {
  const identityUrl = config.subgraphUrls.identity;
  if (!identityUrl) {
    logger.info('the supergraph has no identity subgraph: credentials are passed on to the subgraphs unchecked');
    return withoutIdentity(config, logger);
  }
  // Websockets and event streams: one per-user limit and one re-check of each live credential.
  const watch = createCredentialWatch({
    authenticate: (request) => identity.authenticate(request),
    logger,
    maxConnectionsPerUser: config.websocket.maxConnectionsPerUser,
    recheckIntervalMs: config.websocket.reauthIntervalMs,
  });
  const identity = createIdentityAuthentication({
    identityUrl,
    jwtSecret: config.jwtSecret,
    internalSigningSecret: config.internalSigningSecret,
    authentication: config.authentication,
    breakers: config.breakers,
    logger,
    onRevocation: (revocation) => watch.revoke(revocation),
  });
  return {
    authenticate: identity.authenticate,
    watch,
    authenticationBreakers: identity.breakers,
    passCredentials: false,
    async stopAuthentication() {
      watch.close();
      await identity.stop();
    },
  };
}

function withoutIdentity(config: GatewayConfig, logger: Logger) {
  const authenticate: Authenticator = async () => null;
  const watch = createCredentialWatch({
    authenticate,
    logger,
    maxConnectionsPerUser: config.websocket.maxConnectionsPerUser,
    recheckIntervalMs: config.websocket.reauthIntervalMs,
  });
  return {
    authenticate,
    watch,
    authenticationBreakers: (): CircuitBreakerSnapshot[] => [],
    passCredentials: true,
    async stopAuthentication() {
      watch.close();
    },
  };
}
