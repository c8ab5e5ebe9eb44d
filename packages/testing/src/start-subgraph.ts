import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  dropDatabase,
  openPrismaDatabase,
  subgraphDatabaseUrl,
  type SqlDriverAdapterFactory,
} from '@switchyard/prisma';
import {
  createInProcessEventBus,
  createLogger,
  createMemoryNonceStore,
  startOutboxRelay,
  type Principal,
  type SubgraphApp,
  type SubgraphRuntime,
  type TransactionalSqlClient,
} from '@switchyard/shared';
import { signedGraphQL } from './signed-graphql.ts';

export type TestBackend = 'pglite' | 'postgresql';

/** In-memory PGlite always; a fresh PostgreSQL database too when TEST_DATABASE_URL is set (CI sets it). */
export const TEST_BACKENDS: TestBackend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

/**
 * For end-to-end tests whose subject does not depend on the backend (the gateway's protocol and limits, a
 * domain's API whose data layer the integration tests already run on both): once, on PostgreSQL + Redis as
 * deployed when TEST_DATABASE_URL is set. Every system process start costs seconds, twice per file adds up.
 */
export const ONE_BACKEND: TestBackend[] = process.env.TEST_DATABASE_URL ? ['postgresql'] : ['pglite'];

export interface StartSubgraphForTestOptions<
  TDb extends TransactionalSqlClient & { $disconnect(): Promise<void> },
  TConfig,
  TServer,
> {
  subgraph: string;
  backend?: TestBackend;
  createClient: (adapter: SqlDriverAdapterFactory) => TDb;
  createServer: (deps: SubgraphRuntime & { db: TDb; config: TConfig }) => Promise<TServer>;
  config: TConfig;
}

/**
 * A subgraph's server on its own fresh database (in-memory PGlite, or a new PostgreSQL database
 * dropped afterwards), with an in-process bus and relay, listening on a free port: what
 * integration tests talk to, signing requests as the gateway would.
 */
export async function startSubgraphForTest<
  TDb extends TransactionalSqlClient & { $disconnect(): Promise<void> },
  TConfig,
  TServer extends SubgraphApp,
>(options: StartSubgraphForTestOptions<TDb, TConfig, TServer>) {
  const { subgraph, backend = 'pglite' } = options;
  const databaseUrl = backend === 'postgresql' ? freshDatabaseUrl(subgraph) : undefined;
  const database = await openPrismaDatabase(
    subgraph,
    { url: databaseUrl, dataDir: 'memory://', poolSize: 5 },
    options.createClient,
  );
  const { db } = database;
  const logger = createLogger(`${subgraph}-test`, 'silent');
  const bus = createInProcessEventBus();
  const relay = startOutboxRelay({ db, bus, logger, intervalMs: 200 });
  const secret = randomBytes(32).toString('hex');
  const server = await options.createServer({
    db,
    config: options.config,
    logger,
    bus,
    relay,
    nonceStore: createMemoryNonceStore(),
    internalSigningSecret: secret,
    development: false,
    ready: database.ping,
  });
  const listener = server.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  return {
    baseUrl,
    url: `${baseUrl}/graphql`,
    secret,
    db,
    bus,
    relay,
    logger,
    services: (server as TServer & { services: unknown }).services as TServer extends { services: infer S } ? S : never,
    /** A GraphQL call as `principal`, signed as the gateway would. */
    call: <T = Record<string, any>>(
      principal: Principal | null,
      query: string,
      variables: Record<string, unknown> = {},
    ) => signedGraphQL<T>(`${baseUrl}/graphql`, secret, principal, query, variables),
    async stop() {
      listener.close();
      await server.stop();
      await relay.stop();
      await bus.close();
      await database.close();
      if (databaseUrl) await dropDatabase(databaseUrl);
    },
  };
}

/** A new PostgreSQL database for `subgraph` on TEST_DATABASE_URL's server (created when first opened; drop it with dropDatabase). */
export function freshDatabaseUrl(subgraph: string): string {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  base.pathname = `/int_${randomUUID().slice(0, 8)}`;
  return subgraphDatabaseUrl(base.href, subgraph);
}
