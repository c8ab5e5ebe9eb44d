import { randomUUID } from 'node:crypto';
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { dropDatabase, subgraphDatabaseUrl } from '@switchyard/prisma';
import { bearer, eventually, graphql } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { startSystem, type System } from '@switchyard/testing/system';

const STORES = '{ stores(first: 1) { totalCount } }';

/**
 * A TCP relay in front of PostgreSQL that the test can cut (every connection dropped, the port
 * closed) and restore: the database of one subgraph becoming unreachable while it runs.
 */
function databaseRelay(target: URL) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) =>
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      }),
    );
  return {
    listen,
    url: (database: string) => `postgresql://${target.username}@127.0.0.1:${port}/${database}`,
    async cut() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

const postgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

postgres('a subgraph whose database becomes unreachable (postgresql)', () => {
  const target = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://localhost');
  const relay = databaseRelay(target);
  const database = `e2e_unreachable_${randomUUID().slice(0, 8)}`;
  let system: System;
  let token: string;
  const gql = (query: string) => graphql(system.gatewayUrl, query, {}, bearer(token));

  beforeAll(async () => {
    await relay.listen();
    system = await startSystem('postgresql', {
      subgraphs: ['identity', 'stores'],
      env: {
        STORES_DATABASE_URL: subgraphDatabaseUrl(relay.url(database), 'stores'),
        GATEWAY_BREAKER_FAILURES: '2',
        GATEWAY_BREAKER_HALF_OPEN_MS: '1000',
        SEED_DEMO_DATA: 'false',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 180_000);
  afterAll(async () => {
    await system?.destroy();
    await relay.cut();
    const direct = new URL(target);
    direct.pathname = `/${database}`;
    await dropDatabase(subgraphDatabaseUrl(direct.toString(), 'stores'));
  });

  it('answers SERVICE_UNAVAILABLE with a retry time at the field, counted by the gateway breaker, and recovers', async () => {
    expect((await gql(STORES)).data?.stores.totalCount).toBe(0);
    await relay.cut();

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await gql(STORES));
    // Twice the subgraph's own answer: its database is unavailable, never an internal error.
    for (const answer of answers.slice(0, 2)) {
      expect(answer.errors).toEqual([
        {
          message: 'The database is unavailable right now; try again shortly',
          path: ['stores'],
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5, serviceName: 'stores' },
        },
      ]);
    }
    // The 503s counted: the breaker is open and answers for the subgraph.
    expect(answers[2]!.errors![0]!.message).toMatch(/^The stores subgraph keeps failing/);

    await relay.listen();
    await eventually(async () => (await gql(STORES)).data?.stores, 30_000, 250);
  });
});
