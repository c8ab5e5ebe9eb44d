import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import {
  signedConnectionParams,
  type EventMetadata,
  type Logger,
  type UpstreamSubscribeExtensions,
} from '@switchyard/shared';

export interface UpstreamPayload {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  extensions: UpstreamSubscribeExtensions;
}

export type UpstreamResult = ExecutionResult<Record<string, unknown>, { event?: EventMetadata }>;

export interface UpstreamOptions {
  subgraphUrls: Record<string, string>;
  internalSigningSecret: string;
  logger: Logger;
  onReconnect?: (subgraph: string) => void;
}

/**
 * One graphql-ws connection per subgraph, shared by every client subscription that subgraph
 * serves (graphql-ws multiplexes them). Each connection authenticates as the gateway with a fresh
 * signature. When a subgraph restarts, graphql-ws reconnects and re-sends each subscribe message;
 * callers keep `extensions.since` on their payload current, so the subgraph replays what happened
 * while the connection was down.
 */
export function createUpstreamSubscriptions({
  subgraphUrls,
  internalSigningSecret,
  logger,
  onReconnect,
}: UpstreamOptions) {
  const clients = new Map<string, Client>();

  function clientFor(subgraph: string): Client {
    const existing = clients.get(subgraph);
    if (existing) return existing;
    const httpUrl = subgraphUrls[subgraph];
    if (!httpUrl) throw new Error(`no URL configured for subgraph ${subgraph}`);
    const client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: 10_000,
      keepAlive: 10_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) =>
        new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** retries, 3_000) + Math.random() * 200)),
      connectionParams: () => signedConnectionParams(internalSigningSecret),
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) {
            logger.info({ subgraph }, 'upstream subscription connection re-established');
            onReconnect?.(subgraph);
          }
        },
        closed: (event) =>
          logger.debug(
            { subgraph, code: (event as { code?: number }).code },
            'upstream subscription connection closed',
          ),
      },
    });
    clients.set(subgraph, client);
    return client;
  }

  return {
    subscribe(subgraph: string, payload: UpstreamPayload): AsyncIterableIterator<UpstreamResult> {
      return clientFor(subgraph).iterate(payload as never) as AsyncIterableIterator<UpstreamResult>;
    },
    async close() {
      await Promise.all([...clients.values()].map((client) => client.dispose()));
      clients.clear();
    },
  };
}

export type UpstreamSubscriptions = ReturnType<typeof createUpstreamSubscriptions>;
