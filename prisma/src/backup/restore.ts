import { join } from 'node:path';
import { readMigrations } from '../migrations.ts';
import { listSubgraphSchemas } from '../subgraph-schemas.ts';
import { verifyArchive, type ManifestSubgraph } from './archive.ts';
import type { BackupConfig } from './config.ts';
import { listTables } from './dump.ts';
import { loadDump } from './load.ts';
import { openPGliteTarget, openPostgresTarget, RestoreRefusedError, type RestoreTarget } from './restore-target.ts';
import { quoteIdentifier, type SqlSession } from './sql-session.ts';

export { RestoreRefusedError };

export interface RestoreOptions {
  /** Restore only these subgraphs of the archive (default: all of them). */
  only?: string[];
  /** Replace databases that hold rows (refused otherwise). */
  force?: boolean;
}

async function rowCounts(session: SqlSession): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(session)) {
    const [row] = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdentifier(table)}`);
    counts[table] = row!.n;
  }
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The code's migrations, limited to those the backup had applied; refuses a backup from a newer version. */
async function migrationsAt(entry: ManifestSubgraph) {
  const list = await readMigrations(entry.subgraph);
  const known = new Set(list.migrationDirectories.map((m) => m.path));
  const unknown = entry.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `${entry.subgraph}: the backup has migrations this version does not know (${unknown.join(', ')}): restore it with the version that made it (${entry.subgraph} at ${entry.migrations.at(-1)?.name})`,
    );
  }
  const applied = new Set(entry.migrations.map((m) => m.name));
  return {
    full: list,
    atBackup: { ...list, migrationDirectories: list.migrationDirectories.filter((m) => applied.has(m.path)) },
  };
}

/**
 * Restores an archive into the configured databases. Every checksum is checked before any database
 * is opened; then every target is opened and checked (no running service, no rows unless `force`)
 * before any is changed. Per subgraph: the schema is rebuilt at the backup's migration level, the
 * rows and sequences loaded in one transaction, and the migrations the backup predates applied.
 */
export async function runRestore(
  config: BackupConfig,
  archive: string,
  options: RestoreOptions,
  log: (line: string) => void,
) {
  const manifest = await verifyArchive(archive);
  log(`${archive}: checksums verified (backup of ${manifest.createdAt}, version ${manifest.version})`);
  const inArchive = manifest.subgraphs.map((s) => s.subgraph);
  const missing = (options.only ?? []).filter((name) => !inArchive.includes(name));
  if (missing.length > 0) {
    throw new RestoreRefusedError(`not in the backup: ${missing.join(', ')} (it holds ${inArchive.join(', ')})`);
  }
  const entries = manifest.subgraphs.filter((s) => !options.only || options.only.includes(s.subgraph));
  const known = await listSubgraphSchemas();
  const plans = [];
  for (const entry of entries) {
    const target = config.subgraphs.find((s) => s.name === entry.subgraph);
    if (!target || !known.includes(entry.subgraph)) {
      throw new RestoreRefusedError(`${entry.subgraph}: this version has no such subgraph`);
    }
    plans.push({ entry, target, migrations: await migrationsAt(entry) });
  }

  const opened: { entry: ManifestSubgraph; db: RestoreTarget; before: Record<string, number> }[] = [];
  try {
    const refusals: string[] = [];
    for (const { entry, target } of plans) {
      let db: RestoreTarget;
      try {
        db = target.databaseUrl
          ? await openPostgresTarget(entry.subgraph, target.databaseUrl)
          : await openPGliteTarget(entry.subgraph, config.dataDir);
      } catch (error) {
        if (!(error instanceof RestoreRefusedError)) throw error;
        refusals.push(error.message);
        continue;
      }
      const before = await rowCounts(db.session);
      opened.push({ entry, db, before });
      if (total(before) > 0 && !options.force) {
        refusals.push(
          `${entry.subgraph}: ${db.description} holds ${total(before)} rows; --force replaces them with the backup's`,
        );
      }
    }
    if (refusals.length > 0)
      throw new RestoreRefusedError(`restore refused, nothing was changed:\n  ${refusals.join('\n  ')}`);

    for (const { entry, db, before } of opened) {
      const { migrations } = plans.find((p) => p.entry === entry)!;
      const started = Date.now();
      log(`${entry.subgraph}: restoring into ${db.description}`);
      if ((await listTables(db.session)).length > 0 || (await hasMigrationsTable(db.session))) {
        // Rebuilt from nothing: the database may be at another migration level than the backup.
        await db.session.query('DROP SCHEMA IF EXISTS public CASCADE');
        await db.session.query('CREATE SCHEMA public');
      }
      await db.migrate(migrations.atBackup, () => {});
      await db.transaction('READ WRITE', (session) => loadDump(session, join(archive, entry.file)));
      const pending = await db.migrate(migrations.full, log);
      const after = await rowCounts(db.session);
      log(
        `${entry.subgraph}: restored in ${Date.now() - started} ms${pending.length > 0 ? `, then ${pending.length} newer migration(s) applied` : ''}`,
      );
      for (const table of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
        log(
          `  ${table.padEnd(28)} ${String(before[table] ?? '-').padStart(9)} → ${String(after[table] ?? '-').padStart(9)}`,
        );
      }
    }
    return { manifest, restored: opened.map((o) => o.entry.subgraph) };
  } finally {
    for (const { db } of opened) await db.close().catch(() => {});
  }
}

async function hasMigrationsTable(session: SqlSession): Promise<boolean> {
  const [row] = await session.query<{ present: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present",
  );
  return row!.present;
}
