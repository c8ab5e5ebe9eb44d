// npm run db:generate [-- <subgraph>...]
// Generates each subgraph's Prisma client (all subgraphs when none are named), skipping those whose
// schema and Prisma version are unchanged since their last generation, so it is cheap to run
// before every start or test.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { listSubgraphSchemas, repoRoot, schemaPath } from '../src/subgraph-schemas.ts';

// Kept inside the generated folder, so deleting the client also forces its regeneration.
const STAMP_FILE = '.schema-hash';

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');
const prismaVersion = (require('prisma/package.json') as { version: string }).version;

/** The folders the schema's generators write to, as the CLI resolves them: relative to the schema. */
function generatorOutputs(schemaFile: string, schema: string): string[] {
  return [...schema.matchAll(/^\s*generator\s+\w+\s*\{([^}]*)\}/gm)].flatMap(([, body]) => {
    const output = /^\s*output\s*=\s*"([^"]+)"/m.exec(body ?? '')?.[1];
    return output === undefined ? [] : [resolve(dirname(schemaFile), output)];
  });
}

function runPrismaGenerate(schemaFile: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [prismaCli, 'generate', '--schema', schemaFile], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        // The CLI downloads its native schema engine unless this names an existing file; generate
        // never runs it, so any file will do. Without it the CLI needs Prisma's servers.
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`prisma generate --schema ${relative(repoRoot, schemaFile)} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

async function generate(subgraph: string): Promise<void> {
  const schemaFile = schemaPath(subgraph);
  const schema = await readFile(schemaFile, 'utf8');
  const outputs = generatorOutputs(schemaFile, schema);
  const hash = createHash('sha256').update(`prisma ${prismaVersion}\n`).update(schema).digest('hex');
  const stamps = outputs.map((output) => join(output, STAMP_FILE));
  const current = await Promise.all(stamps.map((stamp) => readFile(stamp, 'utf8').catch(() => '')));
  if (outputs.length > 0 && current.every((stamp) => stamp === hash)) {
    console.log(`${subgraph}: Prisma client up to date`);
    return;
  }
  await runPrismaGenerate(schemaFile);
  await Promise.all(stamps.map((stamp) => writeFile(stamp, hash)));
}

async function main(requested: string[]): Promise<void> {
  const subgraphs = await listSubgraphSchemas();
  const unknown = requested.filter((name) => !subgraphs.includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown subgraph(s): ${unknown.join(', ')} (known: ${subgraphs.join(', ')})\nusage: npm run db:generate [-- <subgraph>...]`);
  }
  for (const subgraph of requested.length > 0 ? requested : subgraphs) await generate(subgraph);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
