import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, version as esbuildVersion, type BuildOptions, type Plugin } from 'esbuild';
import { writeFileAtomically } from '@switchyard/shared';
import { REPO_ROOT } from './paths.ts';
import type { Program } from './services.ts';

// Each service runs as JavaScript built here with esbuild from this repository's TypeScript.
// Running the sources through tsx instead costs every process a module-loader thread that handles
// each of the thousands of modules it loads: about a second of CPU per process, seven processes at once.
// Code the services share is in chunks of their own (esbuild's splitting), so that services started in
// one process (the all-in-one program) load it once and share its module state, as shutdown.ts needs.

const OUT_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'switchyard', 'services');
const STAMP = join(OUT_DIR, 'inputs.json');
// Bump when the way bundles are made changes, so older ones are rebuilt.
const FORMAT = 2;

export function bundlePath(program: Pick<Program, 'name'>): string {
  return join(OUT_DIR, `${program.name}.mjs`);
}

/**
 * Dependencies stay out of the bundle and are imported from where Node would find them for the
 * importing file (a workspace may have its own copy of a package), as file URLs.
 */
const dependenciesFromNodeModules: Plugin = {
  name: 'dependencies-from-node-modules',
  setup(esbuild) {
    const builtins = new Set(builtinModules);
    esbuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || builtins.has(args.path.split('/')[0]!)) return { external: true };
      if (args.path.startsWith('@switchyard/') || args.pluginData === 'resolving') return undefined;
      const resolved = await esbuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/** Each source file keeps its own import.meta.url, so paths relative to it (schemas, migrations) still resolve. */
const ownFileUrls: Plugin = {
  name: 'own-file-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.ts$/ }, async (args) => ({
      loader: 'ts',
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
    }));
  },
};

async function inputsHash(inputs: string[]): Promise<string> {
  const hash = createHash('sha256').update(`${FORMAT} ${esbuildVersion} ${REPO_ROOT}\n`);
  for (const file of ['package-lock.json', ...inputs.sort()]) {
    hash.update(`${file}\n`);
    hash.update(await readFile(join(REPO_ROOT, file)).catch(() => Buffer.from('missing')));
  }
  return hash.digest('hex');
}

async function upToDate(services: readonly Program[]): Promise<boolean> {
  const stamp = await readFile(STAMP, 'utf8').then(
    (text) => JSON.parse(text) as { services: string[]; inputs: string[]; hash: string },
    () => null,
  );
  return (
    stamp !== null &&
    services.every(({ name }) => stamp.services.includes(name)) &&
    stamp.hash === (await inputsHash(stamp.inputs))
  );
}

/** Builds the services' bundles unless none of their sources changed since the last build; true if it built. */
export async function bundleServices(services: readonly Program[], onBuild: () => void = () => {}) {
  if (await upToDate(services)) return false;
  onBuild();
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const result = await build({
    ...buildOptions(Object.fromEntries(services.map(({ name, source }) => [name, source]))),
    outdir: OUT_DIR,
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes(':'));
  const stamp = { services: services.map(({ name }) => name), inputs, hash: await inputsHash(inputs) };
  await writeFileAtomically(STAMP, JSON.stringify(stamp));
  return true;
}

/** How every bundle is made: ESM for Node 20, dependencies left to node_modules, with source maps. */
function buildOptions(entryPoints: Record<string, string>) {
  return {
    absWorkingDir: REPO_ROOT,
    entryPoints,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node's own conditions: without a custom list esbuild would also pick bundler-only `module` builds.
    conditions: ['node'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [dependenciesFromNodeModules, ownFileUrls],
  } satisfies BuildOptions;
}

const ONE_SERVICE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'switchyard', 'service');

/**
 * One service's bundle, on its own (`npm start -w <service>`), rebuilt when its sources changed.
 * Several starts may run this at once (two gateways side by side): each file is renamed into
 * place whole, so a start reads either the earlier bundle or the new one, never a mix.
 */
export async function bundleOneService(service: Program): Promise<string> {
  const bundle = join(ONE_SERVICE_DIR, `${service.name}.mjs`);
  const stampFile = join(ONE_SERVICE_DIR, `${service.name}.inputs.json`);
  const stamp = await readFile(stampFile, 'utf8').then(
    (text) => JSON.parse(text) as { inputs: string[]; hash: string },
    () => null,
  );
  if (stamp && stamp.hash === (await inputsHash(stamp.inputs)) && existsSync(bundle)) return bundle;
  await mkdir(ONE_SERVICE_DIR, { recursive: true });
  const result = await build({
    ...buildOptions({ [service.name]: service.source }),
    outdir: ONE_SERVICE_DIR,
    write: false,
  });
  // The source map first: a bundle is never there without the map it links to.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path.endsWith('.mjs')) - Number(b.path.endsWith('.mjs')),
  );
  for (const file of files) {
    // Code loaded lazily (import()) comes out as chunks/ beside the bundle.
    await mkdir(dirname(file.path), { recursive: true });
    await writeFileAtomically(file.path, file.contents);
  }
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes(':'));
  await writeFileAtomically(stampFile, JSON.stringify({ inputs, hash: await inputsHash(inputs) }));
  return bundle;
}
