import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { postgresMigrationAdapter } from './migration-adapter.ts';
import { applySubgraphMigrations } from './migrations.ts';
import { dumpDatabase } from './backup/dump.ts';
import { postgresTransactions, readOnlySnapshot } from './backup/sql-session.ts';
import { once, type SubgraphDatabase } from './subgraph-database.ts';
import { databaseNameOf, withDatabaseName } from './subgraph-database-url.ts';

// Any database a role may create databases from; `postgres` exists on every server.
const MAINTENANCE_DATABASE = 'postgres';
// Serialises migrations of replicas starting together. Distinct from the key Prisma's engine locks
// itself (72707369) on its own connection, or the engine would wait on us.
const MIGRATION_LOCK = "hashtext('switchyard:migrations')";

const INVALID_CATALOG_NAME = '3D000';
// How long opening a connection, and the first query on it, may take before the server counts as
// not answering: a server that accepts connections but never answers (a hung host, a wrong port
// behind a proxy) must not keep a service hanging at start-up without a word. The same bound
// applies to the pool's connections while serving, where it becomes SERVICE_UNAVAILABLE.
export const CONNECT_TIMEOUT_MS = 10_000;

function sqlState(error: unknown): string | undefined {
  return (error as { code?: unknown } | undefined)?.code as string | undefined;
}

// A database that already exists fails CREATE DATABASE with duplicate_database, but when two
// sessions create it at the same moment the loser hits the catalog's unique index instead.
function isDuplicateDatabase(error: unknown): boolean {
  return (
    sqlState(error) === '42P04' ||
    (sqlState(error) === '23505' && (error as { constraint?: string }).constraint === 'pg_database_datname_index')
  );
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Names the server and database but never the credentials, which URLs may carry. */
export function describeDatabase(url: string): string {
  const { hostname, port } = new URL(url);
  return `database "${databaseNameOf(url)}" on ${hostname || 'the local socket'}${port ? `:${port}` : ''}`;
}

/** A connection that has answered a first query, or an error saying the server did not answer in time. */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client whose server goes away emits 'error'; unhandled, that would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
    // A per-query read timeout (pg supports it; its types omit it): the client's own would also cut
    // short the advisory-lock wait behind another replica's migration.
    await client.query({ text: 'SELECT 1', query_timeout: CONNECT_TIMEOUT_MS } as pg.QueryConfig);
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    // pg's words for both ("Connection terminated due to connection timeout", "Query read timeout").
    if (/timeout/i.test((error as Error).message)) {
      throw new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`, { cause: error });
    }
    throw error;
  }
}

export async function connectCreatingDatabase(url: string, log: (message: string) => void): Promise<pg.Client> {
  try {
    return await connect(url);
  } catch (error) {
    if (sqlState(error) !== INVALID_CATALOG_NAME) throw error;
  }
  const admin = await connect(withDatabaseName(url, MAINTENANCE_DATABASE));
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(databaseNameOf(url))}`);
    log(`created ${describeDatabase(url)}`);
  } catch (error) {
    // Another replica created it between our attempts: that is what we wanted.
    if (!isDuplicateDatabase(error)) throw error;
  } finally {
    await admin.end();
  }
  return connect(url);
}

async function acquireMigrationLock(client: pg.Client, log: (message: string) => void): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${MIGRATION_LOCK}) AS locked`);
  if (!rows[0]?.locked) {
    log('waiting for another process to finish migrating');
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
  }
}

async function migrate(subgraph: string, url: string, log: (message: string) => void): Promise<void> {
  // One connection, as with Prisma's native engine, whose advisory lock ends with it.
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on('error', () => {});
  try {
    await applySubgraphMigrations(
      subgraph,
      postgresMigrationAdapter(pool),
      log,
      async (sql) => (await pool.query(sql)).rows,
    );
  } finally {
    await pool.end().catch(() => {});
  }
}

export async function openPostgresDatabase(
  subgraph: string,
  url: string,
  poolMax: number,
  log: (message: string) => void,
): Promise<SubgraphDatabase> {
  const prefixed = (message: string) => log(`${subgraph}: ${message}`);
  let target: string;
  try {
    target = describeDatabase(url);
  } catch (error) {
    throw new Error(`${subgraph}: invalid database URL: ${(error as Error).message}`, { cause: error });
  }
  let lockClient: pg.Client;
  try {
    lockClient = await connectCreatingDatabase(url, prefixed);
  } catch (error) {
    throw new Error(`${subgraph}: cannot open ${target}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await acquireMigrationLock(lockClient, prefixed);
    await migrate(subgraph, url, log);
  } finally {
    // Ending the session releases the advisory lock; if the connection already broke, so did the lock.
    await lockClient.end().catch(() => {});
  }

  const pool = new pg.Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on('error', (error) => prefixed(`idle PostgreSQL connection failed: ${error.message}`));
  return {
    kind: 'postgresql',
    adapter: new PrismaPg(pool),
    async ping() {
      await pool.query('SELECT 1');
    },
    dump: (sink) =>
      dumpDatabase(
        { subgraph, source: 'postgresql', location: target, snapshot: readOnlySnapshot(postgresTransactions(pool)) },
        sink,
      ),
    close: once(() => pool.end()),
  };
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  const admin = await connect(withDatabaseName(databaseUrl, MAINTENANCE_DATABASE));
  try {
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}
