import { openPGliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';
import { instrumentAdapterFactory } from './query-metrics.ts';
import type { SqlDriverAdapterFactory, SubgraphDatabase, SubgraphDatabaseOptions } from './subgraph-database.ts';
import { assertSubgraphName } from './subgraph-schemas.ts';

export type { SqlDriverAdapterFactory, SubgraphDatabase, SubgraphDatabaseOptions } from './subgraph-database.ts';
import { subgraphDatabaseUrl } from './subgraph-database-url.ts';

export { subgraphDatabaseUrl };
export { listSubgraphSchemas } from './subgraph-schemas.ts';
export { checkMigrationsInSync } from './migration-diff.ts';
export { dropDatabase } from './postgres-database.ts';
export type { DumpSink } from './backup/dump.ts';

const DEFAULT_POOL_MAX = 10;

/**
 * Opens the subgraph's database (PostgreSQL when `databaseUrl` is given, embedded PGlite otherwise),
 * creating it if needed and applying its pending migrations before returning.
 */
export async function openSubgraphDatabase(options: SubgraphDatabaseOptions): Promise<SubgraphDatabase> {
  const { subgraph, databaseUrl, dataDir, poolMax = DEFAULT_POOL_MAX, log = () => {} } = options;
  assertSubgraphName(subgraph);
  return databaseUrl
    ? openPostgresDatabase(subgraph, databaseUrl, poolMax, log)
    : openPGliteDatabase(subgraph, dataDir, log);
}

/** A subgraph's database settings as its config holds them (see subgraphConfig in @switchyard/shared). */
export interface ConfiguredDatabase {
  /** The subgraph's own URL (<SUBGRAPH>_DATABASE_URL), which wins over the derived one. */
  url?: string;
  /** DATABASE_URL: the subgraph's database is derived from it. */
  baseUrl?: string;
  dataDir: string;
  poolSize: number;
}

/** openSubgraphDatabase with the URL chosen the same way for every subgraph. */
export function openConfiguredDatabase(
  subgraph: string,
  database: ConfiguredDatabase,
  log?: (message: string) => void,
): Promise<SubgraphDatabase> {
  return openSubgraphDatabase({
    subgraph,
    databaseUrl: database.url ?? (database.baseUrl ? subgraphDatabaseUrl(database.baseUrl, subgraph) : undefined),
    dataDir: database.dataDir,
    poolMax: database.poolSize,
    log,
  });
}

/**
 * For every subgraph's `new PrismaClient`: interactive transactions get 15 s instead of Prisma's 5 s
 * and may wait 5 s for a connection instead of 2 s. On a small machine starting five services (or
 * seeding demo data) a short write can take over 5 s, and Prisma then aborts it (P2028), which at
 * startup stopped the whole system; a transaction that really hangs is still cut off.
 */
export const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * A subgraph's database opened and migrated, with its generated Prisma client on top: `close()`
 * disconnects the client, then the pool or PGlite.
 */
export async function openPrismaDatabase<TClient extends { $disconnect(): Promise<void> }>(
  subgraph: string,
  database: ConfiguredDatabase,
  createClient: (adapter: SqlDriverAdapterFactory) => TClient,
  log?: (message: string) => void,
) {
  const connection = await openConfiguredDatabase(subgraph, database, log);
  const db = createClient(instrumentAdapterFactory(connection.adapter));
  return {
    db,
    kind: connection.kind,
    ping: connection.ping,
    dump: connection.dump,
    async close() {
      await db.$disconnect();
      await connection.close();
    },
  };
}
