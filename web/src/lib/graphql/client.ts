// The one urql client factory. HTTP operations go to this app's /graphql (proxied to the gateway,
// so no CORS); subscriptions go to the gateway's graphql-ws endpoint, which the web server carries
// on the same origin. Graphcache normalizes every Store by id, so a storeChanged event updates each
// list and detail view showing that store; what each area adds to the cache lives in cache/.
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { cacheExchange } from '@urql/exchange-graphcache';
import {
  CloseCode,
  MessageType,
  createClient as createWsClient,
  stringifyMessage,
  type Client as WsClient,
} from 'graphql-ws';
import { session } from '../session.svelte.js';
import { cacheKeys, cacheUpdates } from './cache/index.js';
import { connection } from './connection.svelte.js';
import { createResumeTracking } from './resume.js';
import { createStoreVersionGuard } from './store-versions.js';

export interface GraphQLClientOptions {
  /** graphql-ws endpoint of the gateway, e.g. ws://localhost:3000/graphql (the web server carries it). */
  wsUrl: string;
}

export interface GraphQLClient {
  client: Client;
  dispose(): void;
}

const NORMAL_CLOSURE = 1000;
/** The gateway refused the token (4401) or it expired on a live socket (4440, see the gateway's README). */
const TOKEN_CLOSE_CODES = new Set([CloseCode.Unauthorized, 4440]);
/** graphql-ws's own "terminated" code, which it always retries. */
const RETRYABLE_CLOSE = 4499;

/**
 * graphql-ws gives up for good on several close codes (4401, 4429, 4500…). While someone is signed
 * in, this socket reports every close but a normal one as retryable, so live updates always come
 * back: after 4401 (the gateway refused the token) and 4440 (the token expired) it first asks for a
 * fresh token; a revoked session then fails to refresh and signs out, which stops the retries.
 */
function tokenAwareWebSocket(onTokenRefused: () => void): typeof WebSocket {
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
          if (event.code === NORMAL_CLOSURE || session.user === null) return handler(event);
          if (TOKEN_CLOSE_CODES.has(event.code)) onTokenRefused();
          handler(new CloseEvent('close', { code: RETRYABLE_CLOSE, reason: event.reason, wasClean: event.wasClean }));
        });
    }
  }
  return TokenAwareWebSocket as unknown as typeof WebSocket;
}

export function createGraphQLClient({ wsUrl }: GraphQLClientOptions): GraphQLClient {
  let needsFreshToken = false;
  let liveSocket: WebSocket | null = null;
  // The gateway holds a live socket to the token it connected with until that token expires; a
  // ping carrying the refreshed token renews it in place, so subscriptions never drop for it.
  const stopRenewing = session.onAccessToken((token) => {
    if (liveSocket?.readyState !== WebSocket.OPEN) return;
    liveSocket.send(stringifyMessage({ type: MessageType.Ping, payload: { authorization: `Bearer ${token}` } }));
  });
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
      connected: (socket) => {
        liveSocket = socket as WebSocket;
        connection.set('connected');
      },
      closed: () => {
        liveSocket = null;
        // Every close while signed in is retried (see tokenAwareWebSocket): say so, unless the
        // browser itself has no network.
        connection.set(session.user !== null && navigator.onLine ? 'reconnecting' : 'offline');
      },
    },
    // Only reached when retrying stopped (signed out): the indicator must not promise a reconnect.
    onNonLazyError: () => connection.set('offline'),
  });

  const resume = createResumeTracking();
  const client = new Client({
    url: '/graphql',
    // Bearer-authenticated, never shared by a cache: POST keeps queries out of URLs and logs.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      resume.exchange,
      cacheExchange({ keys: cacheKeys, updates: cacheUpdates }),
      // After the cache, so it sees what the network answers before the cache writes it.
      createStoreVersionGuard(),
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
          // graphql-ws re-sends this same payload when it resubscribes after a reconnect.
          const input = { ...request, query: request.query ?? '', extensions: { ...request.extensions } };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, resume.resumable(input, sink));
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  resume.attach(client);
  return {
    client,
    dispose() {
      stopRenewing();
      connection.set('offline');
      void ws.dispose();
    },
  };
}
