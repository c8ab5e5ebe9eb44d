import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  createLogger,
  createMemoryNonceStore,
  verifyRequest,
  type ForwardedContext,
  type UpstreamConnectionParams,
} from '@switchyard/shared';
import { FORWARDED } from './plugin.ts';
import { signedWebSocketTransport } from './websocket-transport.ts';

const SECRET = 'a'.repeat(64);
const schema = buildSchema('type Query { ok: Boolean } type Subscription { ticked: Int }');
const subscriber: ForwardedContext = {
  principal: {
    kind: 'user',
    userId: 'u1',
    role: 'VIEWER',
    scopes: null,
    sessionId: 's1',
    apiKeyId: null,
  },
  requestId: 'r1',
  clientIp: '127.0.0.1',
  userAgent: 'test',
};

/** A graphql-ws server that records what a subgraph would check: the connection's signature and each subscribe. */
async function fakeSubgraph() {
  const server: Server = createServer();
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const nonces = createMemoryNonceStore();
  const connections: boolean[] = [];
  const subscribes: Record<string, unknown>[] = [];
  useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams as Partial<UpstreamConnectionParams>;
        const verified = await verifyRequest(
          SECRET,
          nonces,
          { context: params.context, signature: params.signature },
          '',
        );
        connections.push(verified.ok);
        return verified.ok;
      },
      onSubscribe: (_ctx, _id, payload) => void subscribes.push(payload.extensions ?? {}),
      subscribe: async function* () {
        yield { data: { ticked: 1 } };
      } as never,
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    location: `http://127.0.0.1:${port}/graphql`,
    connections,
    subscribes,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('signedWebSocketTransport', () => {
  it('signs each connection and sends the authenticated subscriber, never the client’s own extensions', async () => {
    const subgraph = await fakeSubgraph();
    const transport = signedWebSocketTransport(SECRET, createLogger('test', 'silent'));
    const executor = (await transport.getSubgraphExecutor({
      transportEntry: { kind: 'ws', subgraph: 'stores', location: subgraph.location },
    } as never)) as (request: unknown) => Promise<AsyncIterable<unknown>>;
    const forged = { forwarded: { ...subscriber, principal: { ...subscriber.principal, role: 'ADMIN' } } };
    const results = await executor({
      document: parse('subscription { ticked }'),
      operationType: 'subscription',
      extensions: forged,
      context: { [FORWARDED]: subscriber },
    });
    for await (const result of results) {
      expect(result).toEqual({ data: { ticked: 1 } });
      break;
    }
    expect(subgraph.connections).toEqual([true]);
    expect(subgraph.subscribes).toHaveLength(1);
    expect(subgraph.subscribes[0]).toEqual({ forwarded: subscriber, since: expect.any(String) });
    await (executor as unknown as { [Symbol.asyncDispose]: () => Promise<void> })[Symbol.asyncDispose]();
    await subgraph.close();
  });
});
