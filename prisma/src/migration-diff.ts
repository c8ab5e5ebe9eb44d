import { dirname } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { createPGlite, IN_MEMORY } from './create-pglite.ts';
import { pgliteMigrationAdapter } from './migration-adapter.ts';
import { NO_FILTERS, readMigrations } from './migrations.ts';
import { engineError, type SchemaFile, withSchemaEngine } from './schema-engine.ts';
import { readSchema } from './subgraph-schemas.ts';

// The engine's `diff --exit-code` convention: 2 means the two sides differ.
const DIFF_FOUND = 2;

/**
 * The SQL that takes a database built from `migrationsList` to `schema`, or '' when they agree.
 * The migrations are replayed into a throwaway in-memory PGlite, so no shadow database server is needed.
 */
export async function diffMigrationList(
  subgraph: string,
  schema: SchemaFile,
  migrationsList: MigrationList,
): Promise<string> {
  const pglite = await createPGlite(IN_MEMORY);
  try {
    return await withSchemaEngine(subgraph, schema, pgliteMigrationAdapter(pglite), async (engine) => {
      await engine.applyMigrations({ migrationsList, filters: NO_FILTERS }).catch((error: unknown) => {
        throw engineError(`${subgraph}: replaying migrations failed`, error);
      });
      const { exitCode, stdout } = await engine
        .diff({
          from: { tag: 'schemaDatasource', files: [schema], configDir: dirname(schema.path) },
          to: { tag: 'schemaDatamodel', files: [schema] },
          script: true,
          exitCode: true,
          filters: NO_FILTERS,
        })
        .catch((error: unknown) => {
          throw engineError(`${subgraph}: diffing schema.prisma against the migrations failed`, error);
        });
      return exitCode === DIFF_FOUND ? (stdout ?? '') : '';
    });
  } finally {
    await pglite.close();
  }
}

/** The SQL of the migration that `prisma/<subgraph>/schema.prisma` still lacks, or ''. */
export async function diffMigrationsToSchema(subgraph: string): Promise<string> {
  const [schema, migrationsList] = await Promise.all([readSchema(subgraph), readMigrations(subgraph)]);
  return diffMigrationList(subgraph, schema, migrationsList);
}

export async function checkMigrationsInSync(subgraph: string): Promise<{ inSync: boolean; sql: string }> {
  const sql = await diffMigrationsToSchema(subgraph);
  return { inSync: sql === '', sql };
}
