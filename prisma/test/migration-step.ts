import type { PGlite } from '@electric-sql/pglite';
import { createPGlite, IN_MEMORY } from '../src/create-pglite.ts';
import { pgliteMigrationAdapter } from '../src/migration-adapter.ts';
import { applyMigrationList, readMigrations } from '../src/migrations.ts';
import { readSchema } from '../src/subgraph-schemas.ts';

/**
 * An in-memory database of `subgraph` migrated up to just before its migration whose directory
 * ends with `suffix`, for a test to fill with rows of that time and then `apply` the migration to.
 */
export async function justBeforeMigration(
  subgraph: string,
  suffix: string,
): Promise<{ db: PGlite; apply: () => Promise<void> }> {
  const current = await readMigrations(subgraph);
  const at = current.migrationDirectories.findIndex((dir) => dir.path.endsWith(suffix));
  if (at < 1) throw new Error(`${subgraph} has no migration ${suffix} after its first`);
  const upTo = (end: number) => ({ ...current, migrationDirectories: current.migrationDirectories.slice(0, end) });
  const schema = await readSchema(subgraph);
  const db = await createPGlite(IN_MEMORY);
  await applyMigrationList(subgraph, schema, upTo(at), pgliteMigrationAdapter(db));
  const apply = async () => {
    await applyMigrationList(subgraph, schema, upTo(at + 1), pgliteMigrationAdapter(db));
  };
  return { db, apply };
}
