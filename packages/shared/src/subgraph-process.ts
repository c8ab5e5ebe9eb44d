import type { z } from 'zod';
import { loadConfigOrExit, withEmbeddedSecrets } from './config.ts';
import { createEventBus } from './create-event-bus.ts';
import { followCircuitBreakerResets } from './internal-routes/circuit-breakers.ts';
import { createNonceStore } from './create-nonce-store.ts';
import type { SubgraphRuntime } from './define-subgraph.ts';
import { serve } from './http.ts';
import { createLogger, type Logger } from './logger.ts';
import { startOutboxRelay, type TransactionalSqlClient } from './outbox.ts';
import { outboxRetentionTask } from './outbox-retention.ts';
import { startRetention, type RetentionTask } from './retention.ts';
import { startTracing } from './tracing.ts';
import type { subgraphConfig } from './subgraph-config.ts';
import type { SubgraphApp } from './subgraph-server.ts';
import type { DatabaseDump } from './internal-routes/database-dump.ts';

type SharedConfig = ReturnType<typeof subgraphConfig>;

/** An open database as a subgraph process holds it (see openPrismaDatabase in @switchyard/prisma). */
export interface OpenDatabase<TDb> {
  db: TDb;
  kind: 'pglite' | 'postgresql';
  ping(): Promise<void>;
  /** Writes a consistent dump of the database (see the database dump route); absent, the route is not served. */
  dump?: DatabaseDump;
  close(): Promise<void>;
}

export interface StartSubgraphOptions<
  TConfig extends SharedConfig,
  TDb extends TransactionalSqlClient,
  TServer extends SubgraphApp,
> {
  name: string;
  envSchema: z.ZodType<TConfig>;
  /** Secrets generated under DATA_DIR in embedded mode when not set (default: the internal signing secret). */
  embeddedSecrets?: string[];
  openDatabase: (config: TConfig, log: (line: string) => void) => Promise<OpenDatabase<TDb>>;
  createServer: (deps: SubgraphRuntime & { db: TDb; config: TConfig }) => Promise<TServer>;
  /** Work that must be done before the service answers anyone (it is not ready until then). */
  beforeListen?: (
    server: TServer,
    context: { config: TConfig; logger: Logger; database: OpenDatabase<TDb> },
  ) => Promise<void>;
  /** Work once serving (seeding, scheduled jobs, pollers); what it returns is stopped before the database closes. */
  afterStart?: (
    server: TServer,
    context: { config: TConfig; logger: Logger; database: OpenDatabase<TDb> },
  ) => Promise<{ stop(): Promise<void> } | void>;
  /** Tables this subgraph prunes besides its outbox (which every subgraph prunes; see retention.ts). */
  retention?: (server: TServer, config: TConfig) => RetentionTask[];
}

/**
 * A subgraph process from start to finish: config (printing every problem and exiting 1), logger,
 * tracing, database with migrations, event bus, outbox relay, HTTP and websocket serving, and an orderly
 * shutdown on SIGINT/SIGTERM. The only place a subgraph reads its environment.
 */
export async function startSubgraph<
  TConfig extends SharedConfig,
  TDb extends TransactionalSqlClient,
  TServer extends SubgraphApp,
>(options: StartSubgraphOptions<TConfig, TDb, TServer>): Promise<TServer> {
  const { name } = options;
  const config = loadConfigOrExit(
    name,
    options.envSchema,
    withEmbeddedSecrets(process.env, options.embeddedSecrets ?? ['INTERNAL_SIGNING_SECRET']),
  );
  const logger = createLogger(name, config.logLevel);
  const tracing = await startTracing(`switchyard-${name}`, config.otlpEndpoint);
  const database = await openDatabaseOrExit(() => options.openDatabase(config, (line) => logger.info(line)), logger);
  const { db } = database;
  const bus = createEventBus({ redisUrl: config.redisUrl, logger });
  const nonceStore = createNonceStore({ redisUrl: config.redisUrl, logger });
  const breakerResets = followCircuitBreakerResets(bus, logger);
  const relay = startOutboxRelay({
    db,
    bus,
    logger,
    crashBeforePublish: config.outboxFault === 'crash-before-publish',
  });
  const server = await options.createServer({
    db,
    config,
    logger,
    bus,
    relay,
    nonceStore,
    internalSigningSecret: config.internalSigningSecret,
    development: config.development,
    ready: database.ping,
    ...(database.dump ? { databaseDump: database.dump } : {}),
    operationGuard: config.operationGuard,
  });
  await options.beforeListen?.(server, { config, logger, database });
  let background: { stop(): Promise<void> } | void;
  let retention: { stop(): Promise<void> } | undefined;
  const httpServer = await serve(server.app, {
    ...config.http,
    logger,
    onShutdown: async () => {
      await retention?.stop();
      await background?.stop();
      await server.stop();
      await relay.stop();
      await breakerResets.stop();
      await bus.close();
      await nonceStore.close();
      await database.close();
      await tracing.shutdown();
    },
  });
  server.attachWebSocket(httpServer);
  logger.info(
    {
      url: `http://${config.http.host}:${config.http.port}/graphql`,
      database: database.kind,
      events: config.redisUrl ? 'redis' : 'in-process',
    },
    `${name} subgraph ready`,
  );
  background = await options.afterStart?.(server, { config, logger, database });
  retention = startRetention({
    db,
    logger,
    registry: server.metrics.registry,
    tasks: [outboxRetentionTask(db, config.retention.outboxDays), ...(options.retention?.(server, config) ?? [])],
    intervalMs: config.retention.intervalMs,
    batchSize: config.retention.batchSize,
    pauseMs: config.retention.pauseMs,
  });
  return server;
}

/**
 * A database that cannot be opened (unreachable, not answering within the connect timeout, a
 * failed migration) ends start-up with one line saying why, logged at fatal level so the launcher
 * shows it, and exit code 1: never a hang, never a stack trace alone.
 */
async function openDatabaseOrExit<TDb>(open: () => Promise<OpenDatabase<TDb>>, logger: Logger) {
  try {
    return await open();
  } catch (error) {
    logger.fatal(`cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
