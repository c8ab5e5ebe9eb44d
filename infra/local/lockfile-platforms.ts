// npm run lockfile:platforms — run after `npm install` changes package-lock.json.
// The registry mirror this project is built against serves no binaries for other platforms
// (e.g. @swc/core-darwin-arm64 answers 404), so npm leaves them out of the lockfile, and then
// `npm ci` refuses the lockfile as out of sync with package.json. This adds the missing
// optional platform packages with their os/cpu/libc constraints taken from their names; npm
// skips them on other platforms without fetching anything.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type LockEntry = { version?: string; optionalDependencies?: Record<string, string>; [key: string]: unknown };

const root = fileURLToPath(new URL('../../', import.meta.url));
const lockPath = `${root}package-lock.json`;
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> };

let report = '';
try {
  execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
} catch (error) {
  report = String((error as { stderr?: string }).stderr ?? '');
}
const missing = [...report.matchAll(/Missing: (\S+)@ from lock file/g)].map((match) => match[1]!);

const declared = new Map<string, string>();
for (const entry of Object.values(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {}))
    if (!declared.has(name)) declared.set(name, range);
}

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 'loong64', 's390x', 'ppc64', 'wasm32'];
for (const name of missing) {
  const range = declared.get(name);
  if (!range)
    throw new Error(`${name} is missing from the lockfile but is no one's optional dependency: run npm install`);
  const tail = name.split('/').pop()!;
  const os = OS.find((candidate) => tail.includes(candidate));
  const cpu = CPU.find((candidate) => new RegExp(`-${candidate}(-|$)`).test(tail));
  const libc = tail.includes('musl') ? 'musl' : tail.includes('gnu') ? 'glibc' : undefined;
  lock.packages[`node_modules/${name}`] = {
    version: range.replace(/^[\^~=]/, ''),
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(os ? { os: [os] } : {}),
    ...(libc ? { libc: [libc] } : {}),
    optional: true,
  };
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${missing.length} platform entries to package-lock.json\n`);
