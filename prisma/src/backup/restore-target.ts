import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { createPGlite } from '../create-pglite.ts';
import { lockDataDir } from '../data-dir-lock.ts';
import { pgliteMigrationAdapter, postgresMigrationAdapter } from '../migration-adapter.ts';
import { applyMigrationList } from '../migrations.ts';
import { CONNECT_TIMEOUT_MS, connectCreatingDatabase, describeDatabase } from '../postgres-database.ts';
import { readSchema } from '../subgraph-schemas.ts';
import { pgliteTransactions, postgresTransactions, type SqlSession, type TransactionRunner } from './sql-session.ts';
import { pglitePaths } from './sources.ts';

/** A subgraph's database opened for a restore, by the restore command alone. */
export interface RestoreTarget {
  subgraph: string;
  description: string;
  session: SqlSession;
  transaction: TransactionRunner;
  /** Applies the migrations of `list` the database does not have yet; returns their names. */
  migrate(list: MigrationList, log: (line: string) => void): Promise<string[]>;
  close(): Promise<void>;
}

/** A restore that must not go ahead (a running service, data that would be overwritten). */
export class RestoreRefusedError extends Error {}

async function migrateWith(
  subgraph: string,
  adapter: SqlMigrationAwareDriverAdapterFactory,
  list: MigrationList,
  log: (line: string) => void,
) {
  return applyMigrationList(subgraph, await readSchema(subgraph), list, adapter, log);
}

/**
 * The embedded database of `subgraph` under `dataDir` (created when missing), with its lock held:
 * a database a running process has open is refused, and the system cannot start on it meanwhile.
 */
export async function openPGliteTarget(subgraph: string, dataDir: string): Promise<RestoreTarget> {
  const { dir, lockFile } = pglitePaths(dataDir, subgraph);
  let unlock: () => Promise<void>;
  try {
    unlock = await lockDataDir(lockFile, `${subgraph}: the PGlite database in ${dir}`);
  } catch (error) {
    throw new RestoreRefusedError(`${(error as Error).message} (the system is running: stop it before restoring)`);
  }
  try {
    const pglite = await createPGlite(dir);
    return {
      subgraph,
      description: dir,
      session: { query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows },
      transaction: pgliteTransactions(pglite),
      migrate: (list, log) => migrateWith(subgraph, pgliteMigrationAdapter(pglite), list, log),
      async close() {
        await pglite.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/**
 * The PostgreSQL database at `url` (created when missing). Any other session on it means a service
 * (or someone) is using it: refused, since rows loaded under a running service would be overwritten
 * or mixed with its writes.
 */
export async function openPostgresTarget(subgraph: string, url: string): Promise<RestoreTarget> {
  const description = describeDatabase(url);
  const probe = await connectCreatingDatabase(url, () => {});
  try {
    const { rows } = await probe.query<{ others: number }>(
      'SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    if (rows[0]!.others > 0) {
      throw new RestoreRefusedError(
        `${subgraph}: ${rows[0]!.others} other session(s) are connected to ${description}: stop the services using it before restoring`,
      );
    }
  } finally {
    await probe.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on('error', () => {});
  return {
    subgraph,
    description,
    session: { query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[] },
    transaction: postgresTransactions(pool),
    async migrate(list, log) {
      // The engine takes an advisory lock on its connection and never lets go: a pool of its own.
      const own = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      own.on('error', () => {});
      try {
        return await migrateWith(subgraph, postgresMigrationAdapter(own), list, log);
      } finally {
        await own.end();
      }
    },
    close: () => pool.end(),
  };
}
