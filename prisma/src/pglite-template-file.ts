import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from './subgraph-schemas.ts';

/** Where the tarball of a fresh PGlite cluster is cached (see create-pglite.ts), one per PGlite version. */
export async function templateFile(): Promise<string> {
  const packageJson = join(
    dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
    '..',
    'package.json',
  );
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  return join(repoRoot, 'node_modules', '.cache', 'switchyard-prisma', `pglite-${version}-initdb.tar`);
}
