import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A stock graphql-ws client against the gateway, as the web UI or a third party would use it. */
export function subscriptionClient(gatewayUrl: string, connectionParams: Record<string, unknown>): Client & { closed: Promise<{ code: number; reason: string }> } {
  let resolveClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: { closed: (event) => resolveClosed({ code: (event as { code: number }).code, reason: String((event as { reason?: string }).reason ?? '') }) },
  });
  return Object.assign(client, { closed });
}

/** Collects a subscription's results; `next(n)` waits until n have arrived. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: T[] = [];
  let error: unknown = null;
  let completed = false;
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const dispose = client.subscribe<T>({ query, variables }, {
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
  });
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
        if (Date.now() > deadline) throw new Error(`expected ${count} results within ${timeoutMs} ms, got ${JSON.stringify(results)}`);
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
