import { randomUUID } from 'node:crypto';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import {
  CONTEXT_HEADER,
  TRACEPARENT_HEADER,
  activeTraceparent,
  encodeContext,
  type ForwardedContext,
  type PlainResponse,
  type SignedRequest,
} from '@switchyard/shared';
import type { GatewayContext } from './context.ts';

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * A subgraph as the gateway's executor calls it: forwards the caller's identity, request id, trace
 * and (without an identity subgraph) credentials, on the client's signal; the request function
 * signs the call (see the shared internal-client.ts).
 *
 * It does what Apollo's RemoteGraphQLDataSource does for a POST (same body, same errors for non-2xx
 * answers, subgraph Cache-Control hints) without its node-fetch Headers and Request objects and the
 * WHATWG fetch beneath, which cost more CPU per call than the rest of the gateway's work on it.
 */
export class SignedDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly url: string,
    private readonly request: SignedRequest,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    const { query, variables, operationName, extensions } = options.request;
    if (!query) throw new Error('Missing query');
    const response = await this.request(this.url, {
      method: 'POST',
      headers: headersFor(options.context),
      body: JSON.stringify({ query, variables, operationName, extensions }),
      signal: options.context.signal,
    });
    const body = parseBody(response);
    if (response.status < 200 || response.status > 299) throw errorFromResponse(this.url, response, body);
    if (typeof body !== 'object' || body === null)
      throw new Error(`Expected JSON response body, but received: ${body}`);
    if ('incomingRequestContext' in options)
      restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, response.headers['cache-control']);
    return body as GatewayResponse;
  }
}

function headersFor(context: Partial<GatewayContext>): Record<string, string> {
  // Context is empty for the gateway's own calls (none today, but never forward undefined identity).
  const forwarded: ForwardedContext = {
    principal: context.principal ?? null,
    requestId: context.requestId ?? randomUUID(),
    clientIp: context.clientIp ?? null,
    userAgent: context.userAgent ?? null,
  };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [CONTEXT_HEADER]: encodeContext(forwarded),
    'x-request-id': forwarded.requestId,
  };
  // With tracing on, the parent is Apollo's span for this subgraph fetch; otherwise the gateway request's own.
  const traceparent = activeTraceparent() ?? context.traceparent;
  if (traceparent) headers[TRACEPARENT_HEADER] = traceparent;
  const { authorization, apiKey } = context.credentials ?? {};
  if (authorization) headers.authorization = authorization;
  if (apiKey) headers['x-api-key'] = apiKey;
  return headers;
}

function parseBody(response: PlainResponse): unknown {
  const contentType = String(response.headers['content-type'] ?? '');
  const json =
    contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json');
  return json ? JSON.parse(response.body) : response.body;
}

/** The error RemoteGraphQLDataSource makes of a non-2xx answer (partial-results.ts reads its `response`). */
function errorFromResponse(url: string, response: PlainResponse, body: unknown): GraphQLError {
  const { status, statusText } = response;
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${status}: ${statusText}`, {
    extensions: { response: { url, status, statusText, body }, ...(code ? { code } : {}) },
  });
}

type CachePolicy = Extract<
  GraphQLDataSourceProcessOptions<GatewayContext>,
  { incomingRequestContext: unknown }
>['incomingRequestContext']['overallCachePolicy'];

/** A subgraph's Cache-Control answer narrows the operation's cache policy, as Apollo's data source does. */
function restrictCachePolicy(policy: CachePolicy | undefined, header: string | string[] | undefined): void {
  if (!policy || !('restrict' in policy)) return;
  const directives = String(header ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  const maxAge = directives.find((part) => part.startsWith('max-age='))?.slice('max-age='.length);
  policy.restrict({
    maxAge: maxAge && /^\d+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(directives.includes('private') ? { scope: 'PRIVATE' as const } : {}),
    ...(directives.includes('public') ? { scope: 'PUBLIC' as const } : {}),
  });
}
