// npm run db:migration -- <subgraph> <name>
// Writes the migration that brings prisma/<subgraph>/migrations up to prisma/<subgraph>/schema.prisma.
import { relative } from 'node:path';
import { createMigration } from '../src/new-migration.ts';
import { listSubgraphSchemas, repoRoot } from '../src/subgraph-schemas.ts';

const USAGE =
  'usage: npm run db:migration -- <subgraph> <name>   (e.g. npm run db:migration -- identity add_user_phone)';

async function main(args: string[]): Promise<void> {
  const [subgraph, name, ...extra] = args;
  if (subgraph === undefined || name === undefined || extra.length > 0) throw new Error(USAGE);
  const subgraphs = await listSubgraphSchemas();
  if (!subgraphs.includes(subgraph)) {
    throw new Error(
      `unknown subgraph "${subgraph}" (subgraphs with a prisma/<name>/schema.prisma: ${subgraphs.join(', ')})\n${USAGE}`,
    );
  }
  const dir = await createMigration(subgraph, name);
  console.log(
    dir === null
      ? `${subgraph}: schema.prisma already matches its migrations; nothing written`
      : `${subgraph}: wrote ${relative(repoRoot, dir)}/migration.sql`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
