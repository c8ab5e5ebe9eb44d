import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError } from 'graphql';
import {
  CONTEXT_HEADER,
  SIGNATURE_HEADER,
  credentialsOfParams,
  encodeContext,
  httpHeadersFor,
  httpStatusFor,
  signRequest,
  type Authenticator,
  type ForwardedContext,
  type Logger,
} from '@switchyard/shared';

/** Where the plugin keeps the authenticated caller in Hive's context. */
export const FORWARDED = 'switchyardForwarded';

export interface SwitchyardContext {
  [FORWARDED]?: ForwardedContext;
}

export interface AuthenticationPluginOptions {
  authenticate: Authenticator;
  internalSigningSecret: string;
  logger: Logger;
}

// Forwarded in a signed header to every subgraph: bounded, as the gateway bounds it.
const USER_AGENT_LIMIT = 300;

/**
 * The gateway's request trust, inside Hive Gateway: every operation's caller is authenticated with
 * identity exactly as the gateway does it (shared authentication/: Bearer JWT or x-api-key, HTTP
 * headers or websocket connection_init), a bad credential is refused with UNAUTHENTICATED (HTTP 401)
 * before anything runs, and every subgraph fetch carries the caller in the signed context headers.
 * Without a credential the caller is anonymous, as at the gateway: the subgraphs' @authz decides.
 */
export function useSwitchyardAuthentication(options: AuthenticationPluginOptions): GatewayPlugin<SwitchyardContext> {
  const { authenticate, internalSigningSecret, logger } = options;
  return {
    async onContextBuilding({ context, extendContext }) {
      const forwarded = await forwardedContextOf(context as HiveContext, authenticate, logger);
      extendContext({ [FORWARDED]: forwarded });
    },
    onFetch({ executionRequest, context, options: init, setOptions }) {
      // Only the subgraph calls of an operation: Hive's other fetches (none in this setup) are not signed.
      if (!executionRequest) return;
      const forwarded = (context as SwitchyardContext | undefined)?.[FORWARDED] ?? anonymous();
      const contextHeader = encodeContext(forwarded);
      const body = typeof init.body === 'string' ? init.body : '';
      setOptions({
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          [CONTEXT_HEADER]: contextHeader,
          [SIGNATURE_HEADER]: signRequest(internalSigningSecret, contextHeader, body),
          'x-request-id': forwarded.requestId,
        },
      });
    },
  };
}

/** What Hive's context holds on each transport: `request` over HTTP, `connectionParams` on a websocket, `req` on Node. */
interface HiveContext {
  request?: Request;
  connectionParams?: Record<string, unknown>;
  req?: IncomingMessage;
}

async function forwardedContextOf(
  context: HiveContext,
  authenticate: Authenticator,
  logger: Logger,
): Promise<ForwardedContext> {
  const credentials = context.connectionParams
    ? credentialsOfParams(context.connectionParams)
    : credentialsOfParams({
        authorization: context.request?.headers.get('authorization') ?? undefined,
        'x-api-key': context.request?.headers.get('x-api-key') ?? undefined,
      });
  const requestId = context.request?.headers.get('x-request-id') ?? randomUUID();
  const clientIp = context.req?.socket.remoteAddress ?? null;
  const principal = await authenticate({ ...credentials, requestId, clientIp, log: logger.child({ requestId }) }).catch(
    (error: unknown) => {
      throw error instanceof GraphQLError ? withYogaHttpStatus(error) : error;
    },
  );
  const userAgent = context.request?.headers.get('user-agent') ?? context.req?.headers['user-agent'];
  return { principal, requestId, clientIp, userAgent: userAgent ? userAgent.slice(0, USER_AGENT_LIMIT) : null };
}

/**
 * The shared authentication's refusal (UNAUTHENTICATED → 401 with WWW-Authenticate, SERVICE_UNAVAILABLE
 * → 503 with Retry-After) in GraphQL Yoga's shape: Yoga reads `extensions.http.headers` as a plain record.
 */
function withYogaHttpStatus(error: GraphQLError): GraphQLError {
  const http = { status: httpStatusFor(error.extensions.code) ?? 400, headers: httpHeadersFor(error) };
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http } });
}

function anonymous(): ForwardedContext {
  return { principal: null, requestId: randomUUID(), clientIp: null, userAgent: null };
}
