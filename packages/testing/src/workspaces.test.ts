import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every workspace declares what its source imports and offers the same verbs; the root only fans out.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VERBS = ['build', 'typecheck', 'test'];
const SOURCE = /\.(ts|js|mjs|cjs|svelte)$/;
// Installed packages, and generated or built output.
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'generated', 'build', '.svelte-kit', 'test-results']);
// SvelteKit's own module aliases, resolved by its Vite plugin rather than by npm.
const ALIASES = /^\$(lib|app|env|service-worker)(\/|$)/;

interface PackageJson {
  name: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  workspaces?: string[];
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as PackageJson;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRECTORIES.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** The packages a file imports: static and dynamic imports, side-effect imports and re-exports. */
function importedPackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\s[^;()]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => !/^[./]/.test(specifier) && !ALIASES.test(specifier) && !isBuiltin(specifier))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

const root = readJson(join(ROOT, 'package.json'));
const workspaces = root.workspaces!.map((directory) => ({
  directory,
  manifest: readJson(join(ROOT, directory, 'package.json')),
}));

it('reads static, type, side-effect, dynamic and re-exported imports; not relative, built-in or SvelteKit ones', () => {
  const source = [
    "import a from 'pkg/sub';",
    "import type { B } from '@scope/pkg/deep/path';",
    "import {\n  c,\n  d,\n} from 'multi-line';",
    "import 'side-effect';",
    "export { e } from 're-export';",
    // Spelt so that this file is not read as importing it.
    `const f = await import(${"'lazy'"});`,
    "import g from './local.ts';",
    "import { h } from 'node:fs';",
    "import { i } from 'path';",
    "import j from '$lib/k';",
    "const text = 'the \"from\" field' + (from === 'x' ? 'y' : 'z');",
  ].join('\n');
  expect(importedPackages(source).sort()).toEqual(
    ['@scope/pkg', 'lazy', 'multi-line', 'pkg', 're-export', 'side-effect'].sort(),
  );
});

describe.each(workspaces)('workspace $directory', ({ directory, manifest }) => {
  it('declares every package its source imports', () => {
    const declared = new Set([
      manifest.name,
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
    ]);
    const undeclared = sourceFiles(join(ROOT, directory)).flatMap((file) =>
      importedPackages(readFileSync(file, 'utf8'))
        .filter((name) => !declared.has(name))
        .map((name) => `${relative(ROOT, file)} imports ${name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it(`offers the scripts ${VERBS.join(', ')}`, () => {
    expect(VERBS.filter((verb) => !manifest.scripts?.[verb])).toEqual([]);
  });
});
