import { readFileSync, existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, SERVICES, TOOLS, bundlePath, prepare } from '@switchyard/launcher';

// What can be checked of the image without a container engine: that the Dockerfile builds with the
// scripts the tests run, and that its runtime stage holds what the bundles load.
const dockerfile = readFileSync(join(REPO_ROOT, 'infra/docker/Dockerfile'), 'utf8').replace(/\s*\\\n\s*/g, ' ');
const lines = dockerfile.split('\n').filter((line) => line.trim() && !line.trimStart().startsWith('#'));
const stage = (name: string) => {
  const start = lines.findIndex((line) => new RegExp(`^FROM \\S+ AS ${name}$`).test(line));
  const end = lines.findIndex((line, index) => index > start && line.startsWith('FROM '));
  return lines.slice(start, end === -1 ? undefined : end);
};
const lockfile = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean; peer?: boolean }>;
};
const bundlesDir = join(REPO_ROOT, 'node_modules/.cache/switchyard/services');

async function bundleTexts(): Promise<string[]> {
  const files = (await readdir(bundlesDir, { recursive: true })).filter((file) => file.endsWith('.mjs'));
  return files.map((file) => readFileSync(join(bundlesDir, file), 'utf8'));
}

describe('infra/docker/Dockerfile', () => {
  beforeAll(() => prepare({ web: true }), 300_000);

  it('builds with `npm ci` and `npm run build`, the install and build the tests run', () => {
    expect(stage('build')).toEqual(expect.arrayContaining(['RUN npm ci --no-audit --no-fund && npm run build']));
    const rootPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(rootPackage.scripts.test).toContain('npm run build');
  });

  it('installs production dependencies from every workspace manifest', () => {
    const { workspaces } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const dependencies = stage('dependencies');
    for (const workspace of workspaces) expect(dependencies).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    expect(dependencies.some((line) => /^RUN npm ci --omit=dev --omit=optional /.test(line))).toBe(true);
  });

  it('runs as 10001 with the contract’s entrypoint, health check and environment', () => {
    const runtime = stage('runtime');
    // From the bare Node image: the compiler of the build stages stays behind.
    expect(runtime[0]).toBe('FROM ${NODE_IMAGE} AS runtime');
    expect(runtime).toContain('USER 10001:10001');
    expect(runtime).toContain('ENTRYPOINT ["/app/infra/docker/entrypoint.sh"]');
    expect(runtime.find((line) => line.startsWith('HEALTHCHECK'))).toMatch(
      /CMD \["\/app\/infra\/docker\/entrypoint\.sh", "healthcheck"\]$/,
    );
    expect(runtime.find((line) => line.startsWith('ENV'))).toMatch(
      /NODE_ENV=production HOST=0\.0\.0\.0 DATA_DIR=\/tmp\/switchyard/,
    );
    expect(runtime.filter((line) => line.startsWith('RUN'))).toEqual([]);
  });

  it('copies into the runtime what exists after `npm run build`', () => {
    const sources = stage('runtime')
      .map((line) => /^COPY --from=build \/app\/(\S+) /.exec(line)?.[1])
      .filter((source): source is string => source !== undefined);
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) expect(`${source} ${existsSync(join(REPO_ROOT, source))}`).toBe(`${source} true`);
  });

  it('has a bundle for every program the entrypoint offers, and offers every program', () => {
    const entrypoint = readFileSync(join(REPO_ROOT, 'infra/docker/entrypoint.sh'), 'utf8');
    const offered = /^\s+([a-z|\s-]+)\)\n\s+shift/m
      .exec(entrypoint)![1]!
      .split('|')
      .map((name) => name.trim());
    expect(offered.sort()).toEqual([...SERVICES, ...TOOLS].map(({ name }) => name).sort());
    for (const program of [...SERVICES, ...TOOLS]) expect(existsSync(bundlePath(program))).toBe(true);
  });

  it('installs every package the bundles import (none is a dev or optional dependency)', async () => {
    const imported = new Set<string>();
    for (const text of await bundleTexts())
      for (const [, path] of text.matchAll(/"file:\/\/(\/[^"]*\/node_modules\/[^"]+)"/g)) {
        const relativePath = relative(REPO_ROOT, fileURLToPath(`file://${path}`));
        // The package's folder: the last node_modules/<name> or node_modules/@scope/<name> in the path.
        const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)/.exec(relativePath);
        if (match) imported.add(match[1]!);
      }
    expect(imported.size).toBeGreaterThan(20);
    const notInstalled = [...imported].filter((entry) => {
      const locked = lockfile.packages[entry];
      return !locked || locked.dev || locked.devOptional || locked.optional;
    });
    expect(notInstalled).toEqual([]);
  });

  it('copies every file a bundle reads beside its sources (schemas, migrations, the web build)', async () => {
    const copied = stage('runtime')
      .map((line) => /^COPY --from=build \/app\/\S+ (\S+)$/.exec(line)?.[1])
      .filter((target): target is string => target !== undefined);
    const read = new Set<string>();
    for (const text of await bundleTexts())
      for (const [, target, base] of text.matchAll(/new URL\(\s*"([^"$`]+)",\s*"(file:\/\/\/[^"]+)"\s*\)/g))
        read.add(relative(REPO_ROOT, fileURLToPath(new URL(target!, base!))));
    expect(read).toContain('gateway/supergraph.graphql');
    const missing = [...read].filter((file) => !copied.some((target) => file === target || file.startsWith(target)));
    expect(missing).toEqual([]);
  });
});
