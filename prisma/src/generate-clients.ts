import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { listSubgraphSchemas, repoRoot, schemaPath } from './subgraph-schemas.ts';

// Kept inside the generated folder, so deleting the client also forces its regeneration.
const STAMP_FILE = '.schema-hash';

const require = createRequire(import.meta.url);

/** The folders the schema's generators write to, as the CLI resolves them: relative to the schema. */
function generatorOutputs(schemaFile: string, schema: string): string[] {
  return [...schema.matchAll(/^\s*generator\s+\w+\s*\{([^}]*)\}/gm)].flatMap(([, body]) => {
    const output = /^\s*output\s*=\s*"([^"]+)"/m.exec(body ?? '')?.[1];
    return output === undefined ? [] : [resolve(dirname(schemaFile), output)];
  });
}

function runPrismaGenerate(schemaFile: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const output: Buffer[] = [];
    const child = spawn(
      process.execPath,
      [require.resolve('prisma/build/index.js'), 'generate', '--schema', schemaFile],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          // The CLI downloads its native schema engine unless this names an existing file; generate
          // never runs it, so any file will do. Without it the CLI needs Prisma's servers.
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      },
    );
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolvePromise()
        : reject(
            new Error(
              `prisma generate --schema ${relative(repoRoot, schemaFile)} failed (${signal ?? `exit code ${code}`}):\n${Buffer.concat(output).toString()}`,
            ),
          ),
    );
  });
}

/** Generates one subgraph's client unless its schema and Prisma version are those of its last generation; true if it ran. */
async function generate(subgraph: string, prismaVersion: string, onGenerate: (subgraph: string) => void) {
  const schemaFile = schemaPath(subgraph);
  const schema = await readFile(schemaFile, 'utf8');
  const outputs = generatorOutputs(schemaFile, schema);
  const hash = createHash('sha256').update(`prisma ${prismaVersion}\n`).update(schema).digest('hex');
  const stamps = outputs.map((output) => join(output, STAMP_FILE));
  const current = await Promise.all(stamps.map((stamp) => readFile(stamp, 'utf8').catch(() => '')));
  if (outputs.length > 0 && current.every((stamp) => stamp === hash)) return false;
  onGenerate(subgraph);
  await runPrismaGenerate(schemaFile);
  await Promise.all(stamps.map((stamp) => writeFile(stamp, hash)));
  return true;
}

/**
 * Generates the Prisma clients of `subgraphs` (all when empty), skipping those whose schema and
 * Prisma version are unchanged since their last generation, so it is cheap before every start or
 * test. Returns the subgraphs whose client was generated; `onGenerate` hears of each before it starts.
 * Two CLIs run at a time: each is a Node process that spends most of its time loading itself.
 */
export async function generatePrismaClients(
  subgraphs: string[] = [],
  onGenerate: (subgraph: string) => void = () => {},
): Promise<string[]> {
  const known = await listSubgraphSchemas();
  const unknown = subgraphs.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`unknown subgraph(s): ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const prismaVersion = (require('prisma/package.json') as { version: string }).version;
  const queue = subgraphs.length > 0 ? [...subgraphs] : known;
  const generated: string[] = [];
  const worker = async () => {
    for (let subgraph = queue.shift(); subgraph; subgraph = queue.shift())
      if (await generate(subgraph, prismaVersion, onGenerate)) generated.push(subgraph);
  };
  await Promise.all([worker(), worker()]);
  return generated;
}
