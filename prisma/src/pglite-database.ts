import { dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { createPGlite, IN_MEMORY } from './create-pglite.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { pgliteMigrationAdapter } from './migration-adapter.ts';
import { applySubgraphMigrations } from './migrations.ts';
import { dumpDatabase } from './backup/dump.ts';
import { pgliteTransactions, readOnlySnapshot } from './backup/sql-session.ts';
import { once, type SubgraphDatabase } from './subgraph-database.ts';

interface Instance {
  pglite: PGlite;
  close(): Promise<void>;
}

async function startMigrated(subgraph: string, dataDir: string, log: (message: string) => void): Promise<Instance> {
  const unlock =
    dataDir === IN_MEMORY
      ? async () => {}
      : await lockDataDir(join(dirname(dataDir), 'pglite.lock'), `${subgraph}: the PGlite database in ${dataDir}`);
  let pglite: PGlite;
  try {
    pglite = await createPGlite(dataDir);
  } catch (error) {
    await unlock();
    throw new Error(`${subgraph}: cannot open PGlite in ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
  const close = async () => {
    await pglite.close();
    await unlock();
  };
  try {
    await applySubgraphMigrations(
      subgraph,
      pgliteMigrationAdapter(pglite),
      log,
      async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows,
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { pglite, close };
}

function handle(
  subgraph: string,
  location: string,
  { pglite }: Instance,
  release: () => Promise<void>,
): SubgraphDatabase {
  const snapshot = readOnlySnapshot(pgliteTransactions(pglite));
  return {
    kind: 'pglite',
    adapter: new PrismaPGlite(pglite),
    async ping() {
      await pglite.query('SELECT 1');
    },
    dump: (sink) => dumpDatabase({ subgraph, source: 'pglite', location, snapshot }, sink),
    close: once(release),
  };
}

interface Shared {
  ready: Promise<Instance>;
  handles: number;
}

// Two PGlite instances on one data directory would corrupt it, so every opener of a directory in
// this process shares one instance, closed when the last handle closes.
const shared = new Map<string, Shared>();

export async function openPGliteDatabase(
  subgraph: string,
  dataDir: string,
  log: (message: string) => void,
): Promise<SubgraphDatabase> {
  if (dataDir === IN_MEMORY) {
    const instance = await startMigrated(subgraph, IN_MEMORY, log);
    return handle(subgraph, IN_MEMORY, instance, instance.close);
  }

  const dir = resolve(dataDir, subgraph, 'pglite');
  let entry = shared.get(dir);
  if (!entry) {
    const created: Shared = { ready: startMigrated(subgraph, dir, log), handles: 0 };
    shared.set(dir, created);
    // A failed start must not be handed to later openers.
    created.ready.catch(() => shared.delete(dir));
    entry = created;
  }
  const current = entry;
  current.handles += 1;
  let instance: Instance;
  try {
    instance = await current.ready;
  } catch (error) {
    current.handles -= 1;
    throw error;
  }
  return handle(subgraph, dir, instance, async () => {
    current.handles -= 1;
    if (current.handles > 0) return;
    shared.delete(dir);
    await instance.close();
  });
}
