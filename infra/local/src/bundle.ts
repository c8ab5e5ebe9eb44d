import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';
import { REPO_ROOT } from './paths.ts';
import type { ServiceDefinition } from './services.ts';

// Each service runs as one JavaScript file of this repository's TypeScript, built here with esbuild.
// Running the sources through tsx instead costs every process a module-loader thread that handles
// each of the thousands of modules it loads: about a second of CPU per process, seven processes at once.

const OUT_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'switchyard', 'services');
const STAMP = join(OUT_DIR, 'inputs.json');
// Bump when the way bundles are made changes, so older ones are rebuilt.
const FORMAT = 1;

export function bundlePath(service: ServiceDefinition): string {
  return join(OUT_DIR, `${service.name}.mjs`);
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

async function upToDate(services: readonly ServiceDefinition[]): Promise<boolean> {
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
export async function bundleServices(services: readonly ServiceDefinition[], onBuild: () => void = () => {}) {
  if (await upToDate(services)) return false;
  onBuild();
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: Object.fromEntries(services.map(({ name, source }) => [name, source])),
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node's own conditions: without a custom list esbuild would also pick bundler-only `module` builds.
    conditions: ['node'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [dependenciesFromNodeModules, ownFileUrls],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes(':'));
  const partial = `${STAMP}.${process.pid}`;
  const stamp = { services: services.map(({ name }) => name), inputs, hash: await inputsHash(inputs) };
  await writeFile(partial, JSON.stringify(stamp));
  await rename(partial, STAMP);
  return true;
}
