// The one urql client factory. HTTP operations go to this app's /graphql (proxied to the gateway,
// so no CORS); subscriptions go straight to the gateway's graphql-ws endpoint. Graphcache normalizes
// every Store by id, so a storeChanged event updates each list and detail view showing that store;
// what each area adds to the cache lives in cache/.
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { cacheExchange } from '@urql/exchange-graphcache';
import { CloseCode, createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { session } from '../session.svelte.js';
import { cacheKeys, cacheUpdates } from './cache/index.js';
import { connection } from './connection.svelte.js';

export interface GraphQLClientOptions {
  /** graphql-ws endpoint of the gateway, e.g. ws://localhost:4000/graphql. */
  wsUrl: string;
}

export interface GraphQLClient {
  client: Client;
  dispose(): void;
}

/**
 * graphql-ws treats 4401 as final and drops every subscription. The gateway sends it when the
 * access token expired (e.g. a laptop woke up) as well as when the session was revoked, so this
 * socket reports it as a retryable close and asks for a fresh token first: an expired token is
 * replaced and the subscriptions resume; a revoked session fails to refresh and signs out.
 */
function tokenAwareWebSocket(onUnauthorized: () => void): typeof WebSocket {
  const Native = WebSocket;
  type Handler<E extends Event> = ((event: E) => void) | null;
  // Only what graphql-ws uses: readyState, send, close and the on* handlers.
  class TokenAwareWebSocket {
    static readonly CONNECTING = Native.CONNECTING;
    static readonly OPEN = Native.OPEN;
    static readonly CLOSING = Native.CLOSING;
    static readonly CLOSED = Native.CLOSED;
    readonly #socket: WebSocket;
    constructor(url: string | URL, protocols?: string | string[]) {
      this.#socket = new Native(url, protocols);
    }
    get readyState() {
      return this.#socket.readyState;
    }
    send(data: string) {
      this.#socket.send(data);
    }
    close(code?: number, reason?: string) {
      this.#socket.close(code, reason);
    }
    set onopen(handler: Handler<Event>) {
      this.#socket.onopen = handler;
    }
    set onmessage(handler: Handler<MessageEvent>) {
      this.#socket.onmessage = handler;
    }
    set onerror(handler: Handler<Event>) {
      this.#socket.onerror = handler;
    }
    set onclose(handler: Handler<CloseEvent>) {
      this.#socket.onclose =
        handler &&
        ((event) => {
          if (event.code !== CloseCode.Unauthorized) return handler(event);
          onUnauthorized();
          handler(new CloseEvent('close', { code: 4499, reason: event.reason, wasClean: event.wasClean }));
        });
    }
  }
  return TokenAwareWebSocket as unknown as typeof WebSocket;
}

export function createGraphQLClient({ wsUrl }: GraphQLClientOptions): GraphQLClient {
  let needsFreshToken = false;
  const ws: WsClient = createWsClient({
    url: wsUrl,
    webSocketImpl: tokenAwareWebSocket(() => (needsFreshToken = true)),
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => session.user !== null,
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) + Math.random() * 300));
    },
    connectionParams: async () => {
      if (needsFreshToken || session.expiresSoon()) {
        needsFreshToken = false;
        await session.refresh();
      }
      return session.accessToken ? { authorization: `Bearer ${session.accessToken}` } : {};
    },
    on: {
      connecting: () => connection.set('connecting'),
      connected: () => connection.set('connected'),
      closed: () => connection.set('offline'),
    },
  });

  const client = new Client({
    url: '/graphql',
    // Bearer-authenticated, never shared by a cache: POST keeps queries out of URLs and logs.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange({ keys: cacheKeys, updates: cacheUpdates }),
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = session.accessToken;
          return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError: () => session.user !== null && session.expiresSoon(),
        didAuthError: (error) =>
          error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'),
        async refreshAuth() {
          await session.refresh();
        },
      })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    dispose() {
      connection.set('offline');
      void ws.dispose();
    },
  };
}
