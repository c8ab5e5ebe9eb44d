// npm run db:migrate
// Applies pending migrations for every subgraph. Each subgraph's database is
// <SUBGRAPH>_DATABASE_URL if set, else DATABASE_URL with the subgraph appended to its database name,
// else an embedded PGlite under DATA_DIR (default .data).
import { resolve } from 'node:path';
import { listSubgraphSchemas, openSubgraphDatabase, subgraphDatabaseUrl } from '../src/index.ts';
import { repoRoot } from '../src/subgraph-schemas.ts';

function databaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv): string | undefined {
  const override = env[`${subgraph.toUpperCase()}_DATABASE_URL`];
  if (override) return override;
  return env.DATABASE_URL ? subgraphDatabaseUrl(env.DATABASE_URL, subgraph) : undefined;
}

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const dataDir = resolve(repoRoot, env.DATA_DIR || '.data');
  const subgraphs = await listSubgraphSchemas();
  let total = 0;
  for (const subgraph of subgraphs) {
    let applied = 0;
    const database = await openSubgraphDatabase({
      subgraph,
      databaseUrl: databaseUrlFor(subgraph, env),
      dataDir,
      poolMax: 1,
      log: (message) => {
        if (message.startsWith(`${subgraph}: applied `)) applied += 1;
        console.log(message);
      },
    });
    await database.close();
    if (applied === 0) console.log(`${subgraph}: up to date (${database.kind})`);
    total += applied;
  }
  console.log(`db:migrate: ${total} migration(s) applied across ${subgraphs.length} subgraph(s)`);
}

main(process.env).catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
