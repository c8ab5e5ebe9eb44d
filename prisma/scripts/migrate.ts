// npm run db:migrate [subgraph…], and the container's `migrate` program (the same file, bundled).
// Applies pending migrations for every subgraph, or for those named. Each subgraph's database is
// <SUBGRAPH>_DATABASE_URL if set, else DATABASE_URL with the subgraph appended to its database name,
// else an embedded PGlite under DATA_DIR (default .data). Either URL may come from a file
// (<NAME>_FILE, as secrets are mounted). Safe to run beside another run or a starting subgraph:
// each database is migrated under PostgreSQL's advisory lock.
import { resolve } from 'node:path';
import { resolveFileVariables, type Env } from '@switchyard/shared/config';
import { listSubgraphSchemas, openSubgraphDatabase, subgraphDatabaseUrl } from '../src/index.ts';
import { repoRoot } from '../src/subgraph-schemas.ts';

const urlVariable = (subgraph: string) => `${subgraph.toUpperCase()}_DATABASE_URL`;

function databaseUrlFor(subgraph: string, env: Env): string | undefined {
  const override = env[urlVariable(subgraph)];
  if (override) return override;
  return env.DATABASE_URL ? subgraphDatabaseUrl(env.DATABASE_URL, subgraph) : undefined;
}

async function main(processEnv: Env, requested: string[]): Promise<void> {
  const known = await listSubgraphSchemas();
  const unknown = requested.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`unknown subgraph ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const { env, problems } = resolveFileVariables(processEnv, new Set(['DATABASE_URL', ...known.map(urlVariable)]));
  if (problems.length > 0) throw new Error(problems.join('; '));
  const dataDir = resolve(repoRoot, env.DATA_DIR || '.data');
  const subgraphs = requested.length > 0 ? requested : known;
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

main(process.env, process.argv.slice(2)).catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
