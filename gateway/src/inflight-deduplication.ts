import { Response } from 'undici';
import { CONTEXT_HEADER, type ForwardedContext, type SignedFetch } from '@switchyard/shared';

/**
 * Identical read requests to a subgraph that are in flight at the same time, for the same caller,
 * share one response: when an event reaches a thousand subscribers of one user, their identical
 * entity fetches become one. Mutations are never shared, and neither are requests of different
 * callers (the subgraph authorizes per caller).
 */
export function deduplicateInflight(fetch: SignedFetch): SignedFetch {
  const inflight = new Map<string, Promise<{ status: number; headers: [string, string][]; body: string }>>();
  return async (url, init) => {
    const key = init.method === 'POST' && init.body && isReadOperation(init.body) ? keyOf(url, init.headers?.[CONTEXT_HEADER], init.body) : null;
    if (!key) return fetch(url, init);
    let shared = inflight.get(key);
    if (!shared) {
      shared = fetch(url, init)
        .then(async (response) => ({ status: response.status, headers: [...response.headers.entries()], body: await response.text() }))
        .finally(() => inflight.delete(key));
      inflight.set(key, shared);
    }
    const { status, headers, body } = await shared;
    return new Response(body, { status, headers });
  };
}

function isReadOperation(body: string): boolean {
  try {
    const { query } = JSON.parse(body) as { query?: string };
    return typeof query === 'string' && !/^\s*(mutation|subscription)\b/.test(query);
  } catch {
    return false;
  }
}

function keyOf(url: string, contextHeader: string | undefined, body: string): string | null {
  if (!contextHeader) return null;
  const { principal } = JSON.parse(Buffer.from(contextHeader, 'base64url').toString('utf8')) as ForwardedContext;
  return `${url}\n${JSON.stringify(principal)}\n${body}`;
}
