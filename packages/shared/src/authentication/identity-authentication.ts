import { z } from 'zod';
import type { CircuitBreakerSnapshot } from '../circuit-breakers.ts';
import { createInternalClient } from '../internal-client.ts';
import { fetchCredentialRevocations, type CredentialRevocation } from '../internal-routes/credential-revocations.ts';
import type { Logger } from '../logger.ts';
import { createAuthenticator, type Authenticator } from './authenticate.ts';
import { createAuthenticationCache } from './authentication-cache.ts';
import { isReady } from './readiness.ts';
import { followCredentialRevocations } from './revocation-follower.ts';
import { shareCredentialChecks } from './shared-credential-checks.ts';

/**
 * The variables of credential checks with identity (see the README, "When identity or Redis is in
 * trouble"): the same names and defaults wherever identity is asked (the gateway, the Hive Gateway plugin).
 */
export const authenticationEnv = {
  AUTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  AUTH_CACHE_AFTER_MS: z.coerce.number().int().min(10).max(10_000).default(100),
  AUTH_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3_600).default(300),
  AUTH_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  AUTH_REVOCATION_POLL_MS: z.coerce.number().int().min(50).max(10_000).default(250),
};

type AuthenticationEnv = { [K in keyof typeof authenticationEnv]: z.output<(typeof authenticationEnv)[K]> };

export function authenticationConfig(e: AuthenticationEnv) {
  return {
    timeoutMs: e.AUTH_TIMEOUT_MS,
    cacheAfterMs: e.AUTH_CACHE_AFTER_MS,
    cacheMaxAgeMs: e.AUTH_CACHE_TTL_SECONDS * 1000,
    cacheMaxEntries: e.AUTH_CACHE_MAX_ENTRIES,
    revocationPollMs: e.AUTH_REVOCATION_POLL_MS,
  };
}

export type AuthenticationConfig = ReturnType<typeof authenticationConfig>;

export interface IdentityAuthenticationOptions {
  identityUrl: string;
  jwtSecret: string;
  internalSigningSecret: string;
  authentication: AuthenticationConfig;
  breakers: { failures: number; halfOpenAfterMs: number };
  logger: Logger;
  /** Each revocation identity reports, after the cache has learnt of it (e.g. to close live connections). */
  onRevocation?: (revocation: CredentialRevocation) => void;
}

const REVOCATIONS_CONTEXT = {
  principal: null,
  requestId: 'gateway-revocations',
  clientIp: null,
  userAgent: 'switchyard-gateway',
};

/**
 * Credentials checked with identity (authenticate.ts), remembered for its outages, and forgotten
 * on its revocation events: what the gateway and the Hive Gateway plugin both authenticate with.
 */
export function createIdentityAuthentication(options: IdentityAuthenticationOptions) {
  const { identityUrl, authentication, logger } = options;
  const cache = createAuthenticationCache({
    maxEntries: authentication.cacheMaxEntries,
    maxAgeMs: authentication.cacheMaxAgeMs,
  });
  // Its own client: an authentication call has a much shorter timeout than a subgraph call.
  const client = createInternalClient({
    internalSigningSecret: options.internalSigningSecret,
    timeoutMs: authentication.timeoutMs,
  });
  const authenticator = createAuthenticator({
    jwtSecret: options.jwtSecret,
    identityUrl,
    client,
    cache,
    cacheAfterMs: authentication.cacheAfterMs,
    breaker: options.breakers,
    isIdentityReady: () => isReady(identityUrl, authentication.timeoutMs),
    onBreakerChange: (snapshot: CircuitBreakerSnapshot) =>
      logger.warn({ breaker: snapshot.name, state: snapshot.state }, 'authentication breaker state changed'),
  });
  const revocations = followCredentialRevocations({
    read: (after) => fetchCredentialRevocations(client, identityUrl, REVOCATIONS_CONTEXT, after),
    onRevocation: (revocation) => {
      cache.revoke(revocation.subject, revocation.effect);
      options.onRevocation?.(revocation);
    },
    onUnknownPast: () => cache.clear(),
    pollMs: authentication.revocationPollMs,
    logger,
  });
  const authenticate: Authenticator = shareCredentialChecks(authenticator.authenticate);
  return {
    authenticate,
    breakers: authenticator.snapshots,
    async stop() {
      revocations.stop();
      await client.close();
    },
  };
}
