// Server-side calls to the gateway: the session endpoints, and the /graphql proxy.
import { env } from '$env/dynamic/private';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

/** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
export function gatewayUrl(): string {
  return env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql';
}

export interface GatewayResult<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

export async function gatewayRequest<T, V>(
  document: TypedDocumentNode<T, V>,
  variables: V,
  { token, clientAddress }: { token?: string | null; clientAddress?: string } = {},
): Promise<GatewayResult<T>> {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      // Login lockout counts per address: pass on the browser's (the gateway trusts it with TRUST_PROXY).
      ...(clientAddress ? { 'x-forwarded-for': clientAddress } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GatewayResult<T>;
}

export function firstErrorCode(result: GatewayResult<unknown>): string | undefined {
  const code = result.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : result.errors?.length ? 'INTERNAL_SERVER_ERROR' : undefined;
}
