import {
  createInternalClient,
  fetchCredentialRevocations,
  type CircuitBreakerSnapshot,
  type Logger,
} from '@switchyard/shared';
import { createAuthenticator, type Authenticator } from './authenticate.ts';
import { createAuthenticationCache } from './authentication-cache.ts';
import type { GatewayConfig } from './config.ts';
import { createCredentialWatch } from './credential-watch.ts';
import { isReady } from './readiness.ts';
import { followCredentialRevocations } from './revocation-follower.ts';
import { shareCredentialChecks } from './shared-credential-checks.ts';

const REVOCATIONS_CONTEXT = {
  principal: null,
  requestId: 'gateway-revocations',
  clientIp: null,
  userAgent: 'switchyard-gateway',
};

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
  const cache = createAuthenticationCache({
    maxEntries: config.authentication.cacheMaxEntries,
    maxAgeMs: config.authentication.cacheMaxAgeMs,
  });
  // Its own client: an authentication call has a much shorter timeout than a subgraph call.
  const client = createInternalClient({
    internalSigningSecret: config.internalSigningSecret,
    timeoutMs: config.authentication.timeoutMs,
  });
  const authenticator = createAuthenticator({
    jwtSecret: config.jwtSecret,
    identityUrl,
    client,
    cache,
    cacheAfterMs: config.authentication.cacheAfterMs,
    breaker: config.breakers,
    isIdentityReady: () => isReady(identityUrl, config.authentication.timeoutMs),
    onBreakerChange: (snapshot) =>
      logger.warn({ breaker: snapshot.name, state: snapshot.state }, 'authentication breaker state changed'),
  });
  const authenticate = shareCredentialChecks(authenticator.authenticate);
  // Websockets and event streams: one per-user limit and one re-check of each live credential.
  const watch = createCredentialWatch({
    authenticate,
    logger,
    maxConnectionsPerUser: config.websocket.maxConnectionsPerUser,
    recheckIntervalMs: config.websocket.reauthIntervalMs,
  });
  const revocations = followCredentialRevocations({
    read: (after) => fetchCredentialRevocations(client, identityUrl, REVOCATIONS_CONTEXT, after),
    onRevocation: (revocation) => {
      cache.revoke(revocation.subject, revocation.effect);
      watch.revoke(revocation);
    },
    onUnknownPast: () => cache.clear(),
    pollMs: config.authentication.revocationPollMs,
    logger,
  });
  return {
    authenticate,
    watch,
    authenticationBreakers: authenticator.snapshots,
    passCredentials: false,
    async stopAuthentication() {
      revocations.stop();
      watch.close();
      await client.close();
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
