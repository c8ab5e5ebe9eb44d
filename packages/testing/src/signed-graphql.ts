import { randomUUID } from 'node:crypto';
import { CONTEXT_HEADER, SIGNATURE_HEADER, encodeContext, signRequest } from '@switchyard/shared';
import type { Principal, Role } from '@switchyard/shared';

/** Test helpers: principals and gateway-signed requests, for talking to a subgraph without a gateway. */
export function userPrincipal(role: Role, overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    userId: randomUUID(),
    role,
    scopes: null,
    sessionId: randomUUID(),
    apiKeyId: null,
    ...overrides,
  };
}

export function apiKeyPrincipal(role: Role, scopes: string[], overrides: Partial<Principal> = {}): Principal {
  return { kind: 'apiKey', userId: randomUUID(), role, scopes, sessionId: null, apiKeyId: randomUUID(), ...overrides };
}

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: unknown; extensions?: Record<string, any> }[];
}

/** POSTs a GraphQL operation to a subgraph as the gateway would, signed with `secret`. */
export async function signedGraphQL<T = Record<string, any>>(
  url: string,
  secret: string,
  principal: Principal | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  const body = JSON.stringify({ query, variables });
  const context = encodeContext({ principal, requestId: randomUUID(), clientIp: '127.0.0.1', userAgent: 'jest' });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CONTEXT_HEADER]: context,
      [SIGNATURE_HEADER]: signRequest(secret, context, body),
    },
    body,
  });
  return { status: response.status, ...((await response.json()) as object) };
}
export * from './start-subgraph.ts';
export * from './eventually.ts';

/** A service's /metrics text (`baseUrl` without a path), read with the internal signature as observability reads it. */
export async function signedMetrics(baseUrl: string, secret: string): Promise<string> {
  const context = encodeContext({ principal: null, requestId: randomUUID(), clientIp: '127.0.0.1', userAgent: 'jest' });
  const response = await fetch(`${baseUrl}/metrics`, {
    headers: { [CONTEXT_HEADER]: context, [SIGNATURE_HEADER]: signRequest(secret, context, '') },
  });
  if (!response.ok) throw new Error(`/metrics answered HTTP ${response.status}`);
  return response.text();
}
