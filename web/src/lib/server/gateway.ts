// Server-side calls to the gateway: the session endpoints, and the /graphql proxy.
import { env } from '$env/dynamic/private';
import type { RequestEvent } from '@sveltejs/kit';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

/** The gateway's GraphQL endpoint; the web server (web/server) sets it from its configuration. */
export function gatewayUrl(): string {
  if (!env.GATEWAY_URL) throw new Error('GATEWAY_URL is not set: start the app with web/server (npm start does)');
  return env.GATEWAY_URL;
}

export interface GatewayResult<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

// web/server sets it on every request (packages/shared/src/client-address.ts): the browser's address,
// signed for the gateway. Browsers cannot forge it: web/server replaces any copy they send.
const SIGNED_CLIENT_ADDRESS_HEADER = 'x-switchyard-signed-client';

/**
 * Where the browser is, for the gateway's per-address rules (login throttling) and the security log: the signed address,
 * which the gateway believes when it shares EDGE_SIGNING_SECRET with web/server, and
 * X-Forwarded-For, which it believes only with TRUST_PROXY.
 */
export function clientHeaders({ request, getClientAddress }: Pick<RequestEvent, 'request' | 'getClientAddress'>) {
  const headers: Record<string, string> = { 'x-forwarded-for': getClientAddress() };
  // The browser's own User-Agent, not this server's: sessions and the security log name the device by it.
  const userAgent = request.headers.get('user-agent');
  if (userAgent) headers['user-agent'] = userAgent;
  const signed = request.headers.get(SIGNED_CLIENT_ADDRESS_HEADER);
  if (signed) headers[SIGNED_CLIENT_ADDRESS_HEADER] = signed;
  return headers;
}

export async function gatewayRequest<T, V>(
  document: TypedDocumentNode<T, V>,
  variables: V,
  { token, client }: { token?: string | null; client?: Record<string, string> } = {},
): Promise<GatewayResult<T>> {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...client,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GatewayResult<T>;
}

export function firstErrorCode(result: GatewayResult<unknown>): string | undefined {
  const code = result.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : result.errors?.length ? 'INTERNAL_SERVER_ERROR' : undefined;
}
