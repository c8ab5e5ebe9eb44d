import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/** One database session, as PGlite's transactions and pg's clients both offer it. */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Runs `work` in one transaction of `mode` on a session nobody else uses meanwhile. */
export type TransactionRunner = <T>(mode: string, work: (session: SqlSession) => Promise<T>) => Promise<T>;

/** A consistent, read-only view of the whole database for as long as `work` runs. */
export function readOnlySnapshot(run: TransactionRunner) {
  return <T>(work: (session: SqlSession) => Promise<T>) => run('ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
}

function pgliteSession(tx: Transaction | PGlite): SqlSession {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
  };
}

/**
 * PGlite is one session: its `transaction` holds every other query of the process (Prisma's
 * included) until the work is done, which is what makes the snapshot exclusive there.
 */
export function pgliteTransactions(pglite: PGlite): TransactionRunner {
  return (mode, work) =>
    pglite.transaction(async (tx) => {
      await tx.exec(`SET TRANSACTION ${mode}`);
      return work(pgliteSession(tx));
    });
}

/** A transaction on a connection of its own, taken from `pool` for the duration. */
export function postgresTransactions(pool: pg.Pool): TransactionRunner {
  return async (mode, work) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(`BEGIN ${mode}`);
      const result = await work({
        query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
