import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createInternalClient, requestDatabaseDump } from '@switchyard/shared';
import pg from 'pg';
import { createPGlite } from '../create-pglite.ts';
import { lockDataDir, lockHolder } from '../data-dir-lock.ts';
import { CONNECT_TIMEOUT_MS, describeDatabase } from '../postgres-database.ts';
import { dumpDatabase, type DumpSink } from './dump.ts';
import { pgliteTransactions, postgresTransactions, readOnlySnapshot } from './sql-session.ts';
import type { SubgraphTarget } from './config.ts';

/** Where an embedded subgraph keeps its database, and the lock its process holds while it has it open. */
export function pglitePaths(dataDir: string, subgraph: string) {
  return {
    dir: resolve(dataDir, subgraph, 'pglite'),
    lockFile: join(resolve(dataDir, subgraph), 'pglite.lock'),
  };
}

export const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** How one subgraph's dump is taken: `run` writes it to the sink; `describe` says from where. */
export interface DumpPlan {
  describe: string;
  /** The location the dump's header must name (a service on the port may be another copy's). */
  expectedLocation: string;
  run(sink: DumpSink): Promise<void>;
}

/**
 * Chooses how to dump a subgraph: PostgreSQL directly (any number of sessions may read it); an
 * embedded database whose process runs through that process (GET /internal/database-dump, signed);
 * an embedded database nobody has open by opening it here, holding its lock meanwhile so the system
 * cannot start on it halfway. Null when the subgraph has no embedded database yet.
 */
export async function planDump(
  target: SubgraphTarget,
  dataDir: string,
  internalSigningSecret: string | undefined,
): Promise<DumpPlan | null> {
  if (target.databaseUrl) {
    const url = target.databaseUrl;
    const location = describeDatabase(url);
    return {
      describe: location,
      expectedLocation: location,
      async run(sink) {
        const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
        pool.on('error', () => {});
        try {
          const snapshot = readOnlySnapshot(postgresTransactions(pool));
          await dumpDatabase({ subgraph: target.name, source: 'postgresql', location, snapshot }, sink);
        } finally {
          await pool.end();
        }
      },
    };
  }
  const { dir, lockFile } = pglitePaths(dataDir, target.name);
  if (!(await exists(join(dir, 'PG_VERSION')))) return null;
  const holder = await lockHolder(lockFile);
  if (holder !== null) {
    if (!internalSigningSecret)
      throw new Error(`${target.name}: INTERNAL_SIGNING_SECRET is needed to ask the running service`);
    const secret = internalSigningSecret;
    return {
      describe: `the running ${target.name} service at ${target.serviceUrl} (pid ${holder})`,
      expectedLocation: dir,
      async run(sink) {
        const client = createInternalClient({ internalSigningSecret: secret, timeoutMs: 60_000 });
        try {
          const context = { principal: null, requestId: randomUUID(), clientIp: null, userAgent: 'switchyard-backup' };
          const body = await requestDatabaseDump(client, target.serviceUrl, context);
          const decoder = new TextDecoder('utf-8', { fatal: true });
          for await (const chunk of body) await sink(decoder.decode(chunk, { stream: true }));
          await sink(decoder.decode());
        } finally {
          await client.close();
        }
      },
    };
  }
  return {
    describe: dir,
    expectedLocation: dir,
    async run(sink) {
      const unlock = await lockDataDir(lockFile, `${target.name}: the PGlite database in ${dir}`);
      try {
        const pglite = await createPGlite(dir);
        try {
          const snapshot = readOnlySnapshot(pgliteTransactions(pglite));
          await dumpDatabase({ subgraph: target.name, source: 'pglite', location: dir, snapshot }, sink);
        } finally {
          await pglite.close();
        }
      } finally {
        await unlock();
      }
    },
  };
}
