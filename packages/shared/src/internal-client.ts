import { STATUS_CODES } from 'node:http';
import { Agent, fetch } from 'undici';
import { CONTEXT_HEADER, SIGNATURE_HEADER, encodeContext, signRequest } from './internal-signature.ts';
import type { ForwardedContext } from './principal.ts';
import { TRACEPARENT_HEADER } from './trace-context.ts';
import { activeTraceparent } from './tracing.ts';

/** Distinct URLs whose parsed origin and path are kept (a service calls a handful). */
const TARGET_CACHE_SIZE = 256;

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

/** A whole answer, read: what a GraphQL call to a subgraph needs, without a streaming Response around it. */
export interface PlainResponse {
  status: number;
  statusText: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type SignedRequest = (url: string, init: SignedFetchInit) => Promise<PlainResponse>;

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
  function signedHeaders(init: SignedFetchInit): Record<string, string> {
    const headers = { ...init.headers };
    // Calls made while handling a traced request carry its trace on (the gateway sets its own).
    const traceparent = headers[TRACEPARENT_HEADER] ? undefined : activeTraceparent();
    if (traceparent) headers[TRACEPARENT_HEADER] = traceparent;
    headers[SIGNATURE_HEADER] = signRequest(internalSigningSecret, headers[CONTEXT_HEADER] ?? '', init.body ?? '');
    return headers;
  }
  const signedFetch: SignedFetch = (url, { timeoutMs: timeout = timeoutMs, signal, ...init }) => {
    const timedOut = AbortSignal.timeout(timeout);
    return fetch(url, {
      ...init,
      headers: signedHeaders(init),
      dispatcher: agent,
      signal: signal ? AbortSignal.any([signal, timedOut]) : timedOut,
    });
  };
  /**
   * The same call for answers read whole, on undici's lower-level `request`: the gateway's hot path,
   * where WHATWG fetch's Request/Response objects, streams and combined abort signals cost more CPU
   * than the call itself. The timeout is the pool's: no headers, or a stalled body, within it.
   */
  const signedRequest: SignedRequest = async (url, { timeoutMs: timeout = timeoutMs, signal, ...init }) => {
    const response = await agent.request({
      ...targetOf(url),
      method: (init.method ?? 'GET') as 'GET',
      headers: signedHeaders(init),
      body: init.body,
      signal,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    return {
      status: response.statusCode,
      statusText: STATUS_CODES[response.statusCode] ?? '',
      headers: response.headers,
      body: await response.body.text(),
    };
  };
  // The gateway calls the same few subgraph URLs thousands of times a second: parsing each into
  // a WHATWG URL again (what undici's top-level `request` does) is measurable on its profile.
  const targets = new Map<string, { origin: string; path: string }>();
  function targetOf(url: string): { origin: string; path: string } {
    let target = targets.get(url);
    if (!target) {
      const { origin, pathname, search } = new URL(url);
      target = { origin, path: `${pathname}${search}` };
      if (targets.size >= TARGET_CACHE_SIZE) targets.clear();
      targets.set(url, target);
    }
    return target;
  }
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

  return { fetch: signedFetch, request: signedRequest, callJson, close: () => agent.close() };
}

export type InternalClient = ReturnType<typeof createInternalClient>;
