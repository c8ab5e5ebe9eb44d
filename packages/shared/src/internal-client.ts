import { Agent, fetch } from 'undici';
import { CONTEXT_HEADER, SIGNATURE_HEADER, encodeContext, signRequest } from './internal-signature.ts';
import type { ForwardedContext } from './principal.ts';
import { TRACEPARENT_HEADER } from './trace-context.ts';
import { activeTraceparent } from './tracing.ts';

export interface InternalClientOptions {
  internalSigningSecret: string;
  timeoutMs: number;
}

export interface SignedFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Overrides the default timeout, e.g. for long streaming downloads. */
  timeoutMs?: number;
  /** The caller's own reason to stop (it went away): aborts the call, which closes its connection, before the timeout. */
  signal?: AbortSignal;
}

export type SignedFetch = (url: string, init: SignedFetchInit) => ReturnType<typeof fetch>;

/**
 * The one way services call each other (gateway → subgraph, subgraph → subgraph): pooled
 * keep-alive connections (the default fetch in @apollo/gateway opens far more than it reuses), a
 * timeout on every call, and the internal signature over the forwarded context and body.
 */
export function createInternalClient({ internalSigningSecret, timeoutMs }: InternalClientOptions) {
  const agent = new Agent({
    keepAliveTimeout: 30_000,
    connections: 128,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const signedFetch: SignedFetch = (url, { timeoutMs: timeout = timeoutMs, signal, ...init }) => {
    const headers = { ...init.headers };
    // Calls made while handling a traced request carry its trace on (the gateway sets its own).
    const traceparent = headers[TRACEPARENT_HEADER] ? undefined : activeTraceparent();
    if (traceparent) headers[TRACEPARENT_HEADER] = traceparent;
    headers[SIGNATURE_HEADER] = signRequest(internalSigningSecret, headers[CONTEXT_HEADER] ?? '', init.body ?? '');
    const timedOut = AbortSignal.timeout(timeout);
    return fetch(url, {
      ...init,
      headers,
      dispatcher: agent,
      signal: signal ? AbortSignal.any([signal, timedOut]) : timedOut,
    });
  };
  /** A JSON call to another service's internal route on behalf of `context`; non-2xx answers throw. */
  async function callJson<T>(url: string, context: ForwardedContext, body?: unknown): Promise<T> {
    const response = await signedFetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': context.requestId,
        [CONTEXT_HEADER]: encodeContext(context),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${new URL(url).pathname} answered HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  return { fetch: signedFetch, callJson, close: () => agent.close() };
}

export type InternalClient = ReturnType<typeof createInternalClient>;
