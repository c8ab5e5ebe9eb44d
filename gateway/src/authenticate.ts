import {
  ServiceUnavailableError,
  UnauthenticatedError,
  callAuthenticate,
  withHttpStatus,
  verifyAccessToken,
  type Credential,
  type ForwardedContext,
  type InternalClient,
  type Logger,
  type Principal,
} from '@switchyard/shared';

const BEARER = /^Bearer ([A-Za-z0-9\-_.]+)$/;

/** What a credential check needs, from an HTTP request or a websocket's connection_init (see context.ts). */
export interface CredentialRequest {
  authorization?: string;
  apiKey?: string;
  requestId: string;
  clientIp: string | null;
  log: Logger;
}

export type Authenticator = (request: CredentialRequest) => Promise<Principal | null>;

/**
 * Resolves the caller of each request: a Bearer JWT (signature and expiry checked here with jose)
 * or an x-api-key. Either way identity is asked whether the credential is still good right now —
 * no cache — so a revoked key or a deactivated user fails on the next request.
 */
export function createAuthenticator(options: {
  jwtSecret: string;
  identityUrl: string;
  client: InternalClient;
}): Authenticator {
  async function askIdentity(req: CredentialRequest, credential: Credential): Promise<Principal | null> {
    const context: ForwardedContext = {
      principal: null,
      requestId: req.requestId,
      clientIp: req.clientIp,
      userAgent: null,
    };
    try {
      return await callAuthenticate(options.client, options.identityUrl, context, credential);
    } catch (error) {
      req.log.error({ err: error }, 'identity did not answer the authentication call');
      throw withHttpStatus(new ServiceUnavailableError('Authentication is temporarily unavailable'));
    }
  }

  return async (req) => {
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
}
