import { randomUUID } from 'node:crypto';
import type { Transport } from '@graphql-mesh/transport-common';
import { buildGraphQLWSExecutor } from '@graphql-tools/executor-graphql-ws';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  INITIAL_SUBSCRIPTION_REPLAY_MS,
  signedConnectionParams,
  type Logger,
  type UpstreamSubscribeExtensions,
} from '@switchyard/shared';
import { FORWARDED, type SwitchyardContext } from './plugin.ts';

/**
 * Hive's `ws` transport kind, as the subgraphs accept it (packages/shared/src/subgraph-websocket.ts):
 * one graphql-ws connection per subgraph, shared by every subscription it serves, whose
 * `connection_init` is signed afresh on each (re)connect (a signature is good once), and each
 * subscribe carrying its subscriber in `extensions.forwarded`. Whatever extensions the client sent
 * are replaced, so no client can name its own subscriber.
 */
export function signedWebSocketTransport(internalSigningSecret: string, logger: Logger): Transport {
  return {
    getSubgraphExecutor({ transportEntry }) {
      if (!transportEntry.location) throw new Error(`no websocket location for subgraph ${transportEntry.subgraph}`);
      const client = createClient({
        url: transportEntry.location.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 10_000,
        keepAlive: 10_000,
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
        connectionParams: () => signedConnectionParams(internalSigningSecret),
        on: {
          closed: (event) =>
            logger.debug(
              { subgraph: transportEntry.subgraph, code: (event as { code?: number }).code },
              'upstream subscription connection closed',
            ),
        },
      });
      const executor = buildGraphQLWSExecutor(client);
      return Object.assign(
        ((request) => {
          const forwarded = (request.context as SwitchyardContext | undefined)?.[FORWARDED];
          const extensions: UpstreamSubscribeExtensions = {
            forwarded: forwarded ?? { principal: null, requestId: randomUUID(), clientIp: null, userAgent: null },
            // As at the gateway: a new subscription replays the moments before it reached the subgraph.
            since: new Date(Date.now() - INITIAL_SUBSCRIPTION_REPLAY_MS).toISOString(),
          };
          return executor({ ...request, extensions });
        }) as typeof executor,
        { [Symbol.asyncDispose]: () => client.dispose() },
      );
    },
  };
}
