import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { signedMetrics } from './signed-graphql.ts';

/**
 * A stock graphql-ws client against the gateway, as the web UI or a third party would use it. `connected` resolves
 * once the gateway accepted the connection: subscribe messages follow on the same socket, and the gateway's first
 * subscribe to a subgraph replays the seconds before it, so an event committed after that reaches the subscriber.
 */
export function subscriptionClient(
  gatewayUrl: string,
  connectionParams: Record<string, unknown>,
): Client & { connected: Promise<void>; closed: Promise<{ code: number; reason: string }> } {
  let resolveConnected!: () => void;
  const connected = new Promise<void>((resolve) => (resolveConnected = resolve));
  let resolveClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: {
      connected: () => resolveConnected(),
      closed: (event) =>
        resolveClosed({
          code: (event as { code: number }).code,
          reason: String((event as { reason?: string }).reason ?? ''),
        }),
    },
  });
  return Object.assign(client, { connected, closed });
}

/** A series of the gateway's /metrics, summed over the label sets that contain `labels` (e.g. `subgraph="stores"`). */
export async function gatewayMetric(gatewayUrl: string, secret: string, name: string, labels = ''): Promise<number> {
  const text = await signedMetrics(gatewayUrl.replace(/\/graphql$/, ''), secret);
  let sum = 0;
  for (const [, series = '', value] of text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'))) {
    if (series.includes(labels)) sum += Number(value);
  }
  return sum;
}

/** Collects a subscription's results (`extensions`, e.g. a resume cursor, go with the subscribe); `next(n)` waits until n have arrived. */
export function collect<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  extensions?: Record<string, unknown>,
) {
  const results: T[] = [];
  let error: unknown = null;
  let completed = false;
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const dispose = client.subscribe<T>(
    { query, variables, ...(extensions ? { extensions } : {}) },
    {
      next: (value) => {
        results.push(value as T);
        notify();
      },
      error: (err) => {
        error = err;
        notify();
      },
      complete: () => {
        completed = true;
        notify();
      },
    },
  );
  return {
    results,
    get error() {
      return error;
    },
    get completed() {
      return completed;
    },
    dispose,
    async next(count: number, timeoutMs = 15_000): Promise<T[]> {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count && !error && !completed) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} results within ${timeoutMs} ms, got ${JSON.stringify(results)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      if (error && results.length < count) throw new Error(`subscription failed: ${JSON.stringify(error)}`);
      return results.slice(0, count);
    },
  };
}

/**
 * One graphql-sse stream ("distinct connections" mode) read off the wire: the HTTP answer first
 * (a refused stream is a plain JSON response), then each `next` payload until `complete`.
 */
export async function openEventStream(
  gatewayUrl: string,
  request: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> },
  headers: Record<string, string> = {},
) {
  const abort = new AbortController();
  const response = await fetch(gatewayUrl.replace(/\/graphql$/, '/graphql/stream'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify(request),
    signal: abort.signal,
  });
  const results: any[] = [];
  let completed = false;
  let ended = false;
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffered += decoder.decode(chunk, { stream: true });
          let boundary: number;
          while ((boundary = buffered.indexOf('\n\n')) >= 0) {
            const message = buffered.slice(0, boundary);
            buffered = buffered.slice(boundary + 2);
            const field = (name: string) => fieldOf(message, name);
            if (field('event') === 'next') results.push(JSON.parse(field('data') ?? 'null'));
            if (field('event') === 'complete') completed = true;
          }
        }
      } catch {
        // aborted by close()
      }
      ended = true;
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    /** The JSON body of a refused stream. */
    json: () => response.json() as Promise<any>,
    results,
    get completed() {
      return completed;
    },
    /** True once the server closed the response (or close() was called). */
    get ended() {
      return ended;
    },
    /** Waits until `count` results arrived. */
    async next(count: number, timeoutMs = 15_000): Promise<any[]> {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count) {
        if (Date.now() > deadline || ended)
          throw new Error(`expected ${count} stream results within ${timeoutMs} ms, got ${JSON.stringify(results)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return results.slice(0, count);
    },
    close: () => abort.abort(),
  };
}

export type EventStream = Awaited<ReturnType<typeof openEventStream>>;

function fieldOf(message: string, name: string): string | undefined {
  for (const line of message.split('\n')) {
    if (line.startsWith(`${name}:`)) return line.slice(name.length + 1).replace(/^ /, '');
  }
  return undefined;
}
