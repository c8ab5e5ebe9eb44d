import { ServiceUnavailableError, UnauthenticatedError, withHttpStatus } from '../errors.ts';
import { verifyAccessToken } from '../access-token.ts';
import { createCircuitBreakers, type CircuitBreakerSnapshot } from '../circuit-breakers.ts';
import { callAuthenticate, type Credential } from '../internal-routes/authenticate.ts';
import type { InternalClient } from '../internal-client.ts';
import type { Logger } from '../logger.ts';
import type { ForwardedContext, Principal } from '../principal.ts';
import type { AuthenticationCache } from './authentication-cache.ts';
import { credentialHash } from './authentication-cache.ts';

const BEARER = /^Bearer ([A-Za-z0-9\-_.]+)$/;
/** API key secrets start so (identity's newSecret('sk')); an access token (a JWT) never does. */
const API_KEY_SECRET = /^sk_/;
const BREAKER = 'identity:authenticate';
const SUBJECT = 'The identity service';
/** An open breaker probes identity's /ready after this long, then at most this far apart. */
const PROBE_EVERY_MS = 100;
const PROBE_MAX_EVERY_MS = 250;

/** What a credential check needs, from an HTTP request or a websocket's connection_init (see context.ts). */
export interface CredentialRequest {
  authorization?: string;
  apiKey?: string;
  requestId: string;
  clientIp: string | null;
  log: Logger;
}

/** `{ authorization: "Bearer …" }` or `{ apiKey: "…" }`, as sent in connection_init or a renewing ping. */
export function credentialsOfParams(
  params: Record<string, unknown>,
): Pick<CredentialRequest, 'authorization' | 'apiKey'> {
  return {
    authorization: stringParam(params.authorization ?? params.Authorization),
    apiKey: stringParam(params.apiKey ?? params['x-api-key']),
  };
}

export type Authenticator = (request: CredentialRequest) => Promise<Principal | null>;

export interface AuthenticatorOptions {
  jwtSecret: string;
  identityUrl: string;
  /** Its timeout is the hard limit of one authentication call (AUTH_TIMEOUT_MS). */
  client: InternalClient;
  cache: AuthenticationCache;
  /** How long a request waits for identity before a cached answer is used (AUTH_CACHE_AFTER_MS). */
  cacheAfterMs: number;
  breaker: { failures: number; halfOpenAfterMs: number };
  /** Whether identity answers its /ready: closes an open breaker at once. */
  isIdentityReady: () => Promise<boolean>;
  onBreakerChange?: (snapshot: CircuitBreakerSnapshot) => void;
  now?: () => number;
}

/**
 * Resolves the caller of each request: a Bearer JWT (signature and expiry checked here with jose)
 * or an x-api-key. Identity is asked about every request whether the credential is still good;
 * its answer, when it comes within `cacheAfterMs`, is the verdict, so with identity healthy a
 * revoked key, a deactivated user or a logged-out session fails on the next request.
 *
 * When identity is slow or away, a request whose credential identity accepted recently (and that
 * no revocation event has named since) is answered from the cache after `cacheAfterMs`; one
 * without a cached answer waits for identity up to the client's timeout and then gets
 * SERVICE_UNAVAILABLE, never UNAUTHENTICATED: the credential may well be good. Calls go through a
 * breaker; while it is open nobody waits (cache or SERVICE_UNAVAILABLE at once) and identity's
 * /ready is probed every quarter second, so the first answer after identity is back is its own.
 * Identical calls in flight share one: a stalled identity holds one connection per credential.
 */
export function createAuthenticator(options: AuthenticatorOptions) {
  const { cache, now = Date.now } = options;
  const breakers = createCircuitBreakers({
    service: 'gateway',
    failures: options.breaker.failures,
    halfOpenAfterMs: options.breaker.halfOpenAfterMs,
    probe: { isBack: () => options.isIdentityReady(), everyMs: PROBE_EVERY_MS, maxEveryMs: PROBE_MAX_EVERY_MS },
    ...(options.onBreakerChange ? { onStateChange: options.onBreakerChange } : {}),
  });
  breakers.prepare(BREAKER);
  const inflight = new Map<string, Promise<Principal | null>>();

  /** One call to identity for `key`, shared by whoever asks while it runs; its answer updates the cache. */
  function callIdentity(req: CredentialRequest, key: string, credential: Credential): Promise<Principal | null> {
    const running = inflight.get(key);
    if (running) return running;
    const context: ForwardedContext = {
      principal: null,
      requestId: req.requestId,
      clientIp: req.clientIp,
      userAgent: null,
    };
    const askedAt = now();
    const call = breakers
      .execute(BREAKER, SUBJECT, () => callAuthenticate(options.client, options.identityUrl, context, credential))
      .then((principal) => {
        if (principal) cache.remember(key, principal, askedAt);
        else cache.forget(key);
        return principal;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, call);
    return call;
  }

  async function askIdentity(req: CredentialRequest, credential: Credential): Promise<Principal | null> {
    const key = credentialHash(req);
    if (cache.get(key) === 'revoked') return null;
    const call = callIdentity(req, key, credential);
    const identityAnswer = () => call.catch((error: unknown) => unavailable(req, error));
    if (!cache.get(key)) return identityAnswer();
    // Identity's answer within the budget wins (a "no" included); otherwise the cached "yes".
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), options.cacheAfterMs)));
    const answer = await Promise.race([call.catch(() => 'failed' as const), budget]).finally(() => clearTimeout(timer));
    if (answer !== 'late' && answer !== 'failed') return answer;
    // Looked up again: a revocation event may have arrived while waiting.
    const cached = cache.get(key);
    if (cached === 'revoked') return null;
    if (cached) {
      req.log.debug(
        { identity: answer === 'late' ? 'slow' : 'failing' },
        'identity did not answer; used a cached answer',
      );
      return cached;
    }
    return identityAnswer();
  }

  const authenticate: Authenticator = async (req) => {
    const { authorization, apiKey } = req;
    if (authorization && apiKey)
      throw withHttpStatus(
        new UnauthenticatedError('Send either an Authorization header or an x-api-key header, not both'),
      );
    if (apiKey) {
      const principal = await askIdentity(req, { apiKey });
      if (!principal) throw withHttpStatus(new UnauthenticatedError('Invalid or revoked API key'));
      return principal;
    }
    if (!authorization) return null;
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw withHttpStatus(new UnauthenticatedError('Authorization header must be "Bearer <access token>"'));
    // A common slip of integrators: refused with the fix, rather than "invalid token".
    if (API_KEY_SECRET.test(token))
      throw withHttpStatus(
        new UnauthenticatedError('This is an API key: send it in the x-api-key header, not as Authorization: Bearer'),
      );
    let claims;
    try {
      claims = await verifyAccessToken(options.jwtSecret, token);
    } catch (error) {
      throw withHttpStatus(error as UnauthenticatedError);
    }
    const principal = await askIdentity(req, claims);
    if (!principal) throw withHttpStatus(new UnauthenticatedError('Session revoked or expired'));
    return principal;
  };

  return { authenticate, snapshots: breakers.snapshots };
}

function unavailable(req: CredentialRequest, error: unknown): never {
  if (error instanceof ServiceUnavailableError) throw withHttpStatus(error);
  req.log.error({ err: error }, 'identity did not answer the authentication call');
  throw withHttpStatus(new ServiceUnavailableError('Authentication is temporarily unavailable', 1));
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
