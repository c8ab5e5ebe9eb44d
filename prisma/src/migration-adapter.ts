import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

// Adapter factories for the schema engine that send each migration script as one simple-protocol
// query, which PostgreSQL runs as one implicit transaction. The stock adapters get this wrong:
// @prisma/adapter-pg splits scripts on every ";" (breaking dollar-quoted bodies and leaving
// half-applied migrations behind), and pglite-prisma-adapter does not await the script, so a
// failing migration is recorded as applied and its error surfaces as an unhandled rejection.

export function pgliteMigrationAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return withScriptRunner(new PrismaPGlite(pglite), (script) => pglite.exec(script));
}

/** `pool` should hold one connection: the engine takes an advisory lock on it and never unlocks. */
export function postgresMigrationAdapter(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  return withScriptRunner(new PrismaPg(pool), (script) => pool.query(script));
}

function withScriptRunner(
  factory: SqlMigrationAwareDriverAdapterFactory,
  runScript: (script: string) => Promise<unknown>,
): SqlMigrationAwareDriverAdapterFactory {
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () => adapter.dispose(),
    async executeScript(script) {
      await runScript(script).catch((error: unknown) => {
        throw toDriverAdapterError(error);
      });
    },
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    // Nothing here asks the engine for a shadow database: drift is computed against an in-memory PGlite.
    connectToShadowDb: () => Promise.reject(new Error('shadow databases are not supported')),
  };
}

interface PostgresError {
  code: string;
  severity?: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

// pg and PGlite both surface server errors with the fields of PostgreSQL's ErrorResponse; passed on
// as a 'postgres' driver error, the engine reports the server's message rather than a generic JS error.
function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof Error) || typeof (error as Partial<PostgresError>).code !== 'string') return error;
  const { code, severity, message, detail, column, hint } = error as Error & PostgresError;
  return new DriverAdapterError({
    kind: 'postgres',
    code,
    severity: severity ?? 'ERROR',
    message,
    detail,
    column,
    hint,
  });
}
