import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaFile } from './schema-engine.ts';

/** The `prisma/` folder of the repository: one sub-folder per subgraph with its schema and migrations. */
const prismaDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const repoRoot = dirname(prismaDir);

// Subgraph names end up in database names, environment variable names and folder names.
const SUBGRAPH_NAME = /^[a-z][a-z0-9_]*$/;

export function assertSubgraphName(subgraph: string): void {
  if (!SUBGRAPH_NAME.test(subgraph)) {
    throw new Error(`invalid subgraph name "${subgraph}": use lowercase letters, digits and underscores`);
  }
}

function subgraphDir(subgraph: string): string {
  assertSubgraphName(subgraph);
  return join(prismaDir, subgraph);
}

export function schemaPath(subgraph: string): string {
  return join(subgraphDir(subgraph), 'schema.prisma');
}

export function migrationsDir(subgraph: string): string {
  return join(subgraphDir(subgraph), 'migrations');
}

export async function listSubgraphSchemas(): Promise<string[]> {
  const entries = await readdir(prismaDir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const hasSchema = await stat(join(prismaDir, entry.name, 'schema.prisma')).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!hasSchema) continue;
    // Rejecting rather than skipping a misnamed subgraph keeps it from going unmigrated silently.
    assertSubgraphName(entry.name);
    names.push(entry.name);
  }
  return names.sort();
}

export async function readSchema(subgraph: string): Promise<SchemaFile> {
  const path = schemaPath(subgraph);
  const content = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new Error(`${subgraph}: cannot read ${path}`, { cause: error });
  });
  return { path, content };
}
