import { createPGlite, IN_MEMORY } from '../src/create-pglite.ts';
import { pgliteMigrationAdapter } from '../src/migration-adapter.ts';
import { applyMigrationList, readMigrations } from '../src/migrations.ts';
import { readSchema } from '../src/subgraph-schemas.ts';

// A rollback (`kubectl rollout undo`, or an older SWITCHYARD_VERSION in Compose) starts the previous
// release on a database the new release has migrated: its migration run at start, and its migrate
// Job, must accept migrations it does not know and apply nothing. Expand-then-contract migrations
// (prisma/src/expand-contract.ts) are what make the schema it then finds one it still works with.
test('the previous release starts on a database migrated ahead of it: nothing applied, nothing refused', async () => {
  const current = await readMigrations('stores');
  const previous = { ...current, migrationDirectories: current.migrationDirectories.slice(0, -1) };
  const newest = current.migrationDirectories.at(-1)!.path;
  const schema = await readSchema('stores');
  const pglite = await createPGlite(IN_MEMORY);
  try {
    const applied = await applyMigrationList('stores', schema, current, pgliteMigrationAdapter(pglite));
    expect(applied).toContain(newest);
    expect(await applyMigrationList('stores', schema, previous, pgliteMigrationAdapter(pglite))).toEqual([]);
    const { rows } = await pglite.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    expect(rows.map((row) => row.migration_name)).toContain(newest);
  } finally {
    await pglite.close();
  }
}, 60_000);
