import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DumpSink } from './backup/dump.ts';
import type { DumpSummary } from './backup/dump-format.ts';

export type { SqlDriverAdapterFactory };

export interface SubgraphDatabaseOptions {
  subgraph: string;
  /** Final PostgreSQL URL for this subgraph's database; absent => embedded PGlite. */
  databaseUrl?: string;
  /** Embedded mode: PGlite keeps its data in `${dataDir}/${subgraph}/pglite`; 'memory://' keeps it in memory. */
  dataDir: string;
  /** PostgreSQL pool size (default 10). */
  poolMax?: number;
  /** Progress lines such as "identity: applied 20261122010000_init". */
  log?: (message: string) => void;
}

export interface SubgraphDatabase {
  kind: 'pglite' | 'postgresql';
  /** Pass to `new PrismaClient({ adapter })` of the subgraph's generated client. */
  adapter: SqlDriverAdapterFactory;
  /** A cheap `SELECT 1`; throws when the database is unreachable. */
  ping(): Promise<void>;
  /** Writes a consistent dump of the whole database to `sink` (see backup/dump.ts). */
  dump(sink: DumpSink): Promise<DumpSummary>;
  close(): Promise<void>;
}

/** Runs `release` once however many times the returned function is called. */
export function once(release: () => Promise<void>): () => Promise<void> {
  let released: Promise<void> | undefined;
  return () => (released ??= release());
}
