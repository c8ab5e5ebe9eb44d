import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffMigrationsToSchema } from './migration-diff.ts';
import { LOCKFILE_CONTENT, LOCKFILE_NAME, readMigrations } from './migrations.ts';
import { migrationsDir } from './subgraph-schemas.ts';

/** "addUserPhone", "add user-phone" → "add_user_phone". */
function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Prisma's migration timestamp: YYYYMMDDHHMMSS in UTC. */
function migrationTimestamp(at: Date): string {
  return at.toISOString().replace(/\D/g, '').slice(0, 14);
}

/**
 * Writes `prisma/<subgraph>/migrations/<timestamp>_<name>/migration.sql` holding the SQL that brings
 * the migrations up to schema.prisma. Returns the folder written, or null when there was nothing to do.
 */
export async function createMigration(subgraph: string, name: string, at = new Date()): Promise<string | null> {
  const slug = snakeCase(name);
  if (slug === '') throw new Error(`migration name "${name}" has no letters or digits`);
  const sql = await diffMigrationsToSchema(subgraph);
  if (sql === '') return null;

  const { lockfile, migrationDirectories } = await readMigrations(subgraph);
  const folder = `${migrationTimestamp(at)}_${slug}`;
  const latest = migrationDirectories.at(-1)?.path;
  // Migrations apply in folder-name order, so a new one must sort after every existing one.
  if (latest !== undefined && folder <= latest) {
    throw new Error(`${subgraph}: ${folder} would sort before the existing migration ${latest}; check the clock`);
  }
  const dir = join(migrationsDir(subgraph), folder);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), sql);
  if (lockfile.content === null) await writeFile(join(migrationsDir(subgraph), LOCKFILE_NAME), LOCKFILE_CONTENT);
  return dir;
}
