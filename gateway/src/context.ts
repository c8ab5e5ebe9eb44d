import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import proxyaddr from 'proxy-addr';
import {
  SIGNED_CLIENT_ADDRESS_HEADER,
  credentialsOfParams,
  formatTraceparent,
  verifyClientAddress,
  type CredentialRequest,
  type ForwardedContext,
  type Logger,
  type Principal,
} from '@switchyard/shared';

/**
 * What every operation runs with, whichever way it came in (HTTP, websocket, Server-Sent Events,
 * file export): the caller (forwarded, signed, to subgraphs) and the trace it belongs to.
 */
export type GatewayContext = ForwardedContext & {
  traceparent?: string;
  /** Aborted when the client goes away before its answer: the operation's subgraph calls are then aborted too. */
  signal?: AbortSignal;
  /**
   * The client's own credential headers, passed to every subgraph as they came, when the supergraph
   * has no identity subgraph for the gateway to check them with (its subgraphs then do).
   */
  credentials?: { authorization?: string; apiKey?: string };
};

/**
 * Who is calling and from where, read the same way for every transport: what authentication, the
 * credential watch and the context are built from. Per-caller policies (rate limits, trusted
 * documents) read it too.
 */
export interface RequestOrigin extends CredentialRequest {
  userAgent: string | null;
  traceparent?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The browser's address as the web server signed it (see packages/shared/src/client-address.ts). */
      signedClientIp?: string;
    }
  }
}

/**
 * Reads the web server's signed client address, when the gateway shares EDGE_SIGNING_SECRET with it.
 * It wins over the connection's address (and X-Forwarded-For with TRUST_PROXY): behind the web
 * server, that is the web server's own.
 */
export function readSignedClientAddress(secret: string | undefined): RequestHandler {
  return (req, _res, next) => {
    const address = secret && verifyClientAddress(secret, req.get(SIGNED_CLIENT_ADDRESS_HEADER));
    if (address) req.signedClientIp = address;
    next();
  };
}

// Forwarded in a signed header to every subgraph and stored with sessions: bounded.
const USER_AGENT_LIMIT = 300;

/** An HTTP request (/graphql, /graphql/stream, /exports): credentials from the headers. */
export function originOfRequest(req: Request): RequestOrigin {
  return {
    authorization: req.get('authorization'),
    apiKey: req.get('x-api-key'),
    requestId: req.requestId,
    // Express computes req.ip with the `trust proxy` hops, as clientAddressOf does for sockets.
    clientIp: req.signedClientIp ?? req.ip ?? null,
    userAgent: userAgentOf(req.get('user-agent')),
    traceparent: formatTraceparent(req.trace),
    log: req.log,
  };
}

/**
 * A websocket: credentials from `connection_init` (browsers cannot set headers on a websocket),
 * the address and user agent from the upgrade request.
 */
export function originOfSocket(
  request: IncomingMessage,
  connectionParams: Record<string, unknown>,
  {
    trustProxyHops,
    edgeSigningSecret,
    logger,
  }: { trustProxyHops: number; edgeSigningSecret: string | undefined; logger: Logger },
): RequestOrigin {
  const requestId = randomUUID();
  return {
    ...credentialsOfParams(connectionParams),
    requestId,
    clientIp: signedAddressOf(request, edgeSigningSecret) ?? clientAddressOf(request, trustProxyHops),
    userAgent: userAgentOf(request.headers['user-agent']),
    log: logger.child({ requestId }),
  };
}

export function createContext(
  principal: Principal | null,
  origin: RequestOrigin,
  { passCredentials = false } = {},
): GatewayContext {
  const { authorization, apiKey } = origin;
  return {
    principal,
    requestId: origin.requestId,
    clientIp: origin.clientIp,
    userAgent: origin.userAgent,
    ...(origin.traceparent ? { traceparent: origin.traceparent } : {}),
    ...(passCredentials && (authorization || apiKey) ? { credentials: { authorization, apiKey } } : {}),
  };
}

/** The client's address behind `trustProxyHops` proxies: Express's own algorithm (proxy-addr), for requests it never sees. */
function clientAddressOf(request: IncomingMessage, trustProxyHops: number): string | null {
  return proxyaddr(request, (_address, hop) => hop < trustProxyHops) || null;
}

function signedAddressOf(request: IncomingMessage, secret: string | undefined): string | null {
  const header = request.headers[SIGNED_CLIENT_ADDRESS_HEADER];
  return secret && typeof header === 'string' ? verifyClientAddress(secret, header) : null;
}

function userAgentOf(header: string | undefined): string | null {
  return header ? header.slice(0, USER_AGENT_LIMIT) : null;
}
