import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT } from './paths.ts';

const WEB_DIR = join(REPO_ROOT, 'web');
// Inside the build, so deleting the build also forces the next one.
const STAMP = join(WEB_DIR, 'build', '.inputs-hash');
// What `vite build` reads: the app's sources and static files, its configuration, and the installed packages.
const INPUT_DIRS = ['web/src', 'web/static'];
const INPUT_FILES = [
  'web/package.json',
  'web/svelte.config.js',
  'web/vite.config.ts',
  'web/tsconfig.json',
  'package-lock.json',
];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

async function inputsHash(): Promise<string> {
  const files = [...(await Promise.all(INPUT_DIRS.map(filesUnder))).flat(), ...INPUT_FILES].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(await readFile(join(REPO_ROOT, file)).catch(() => Buffer.from('missing')));
  }
  return hash.digest('hex');
}

/** `vite build` of the web app unless its inputs are those of the last build; true if it built. */
export async function buildWeb(onBuild: () => void = () => {}): Promise<boolean> {
  const hash = await inputsHash();
  if ((await readFile(STAMP, 'utf8').catch(() => '')) === hash) return false;
  onBuild();
  const vitePackage = createRequire(join(WEB_DIR, 'package.json')).resolve('vite/package.json');
  const { bin } = JSON.parse(await readFile(vitePackage, 'utf8')) as { bin: { vite: string } };
  const vite = join(dirname(vitePackage), bin.vite);
  await new Promise<void>((resolve, reject) => {
    const output: Buffer[] = [];
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: WEB_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`vite build failed (${signal ?? `exit code ${code}`}):\n${Buffer.concat(output).toString()}`),
          ),
    );
  });
  await writeFile(STAMP, hash);
  return true;
}
