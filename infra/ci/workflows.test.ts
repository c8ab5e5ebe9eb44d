import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  ciJobProblems,
  concurrencyProblems,
  missingScripts,
  permissionProblems,
  schemaProblems,
  unpinnedActions,
} from './workflow-rules.ts';

// Offline: no GitHub here, so the workflows are checked against SchemaStore's schema and our rules,
// not run. `on:` stays a string key: `yaml` reads YAML 1.2 as GitHub does, not 1.1's `on` = true.
const dir = new URL('../../.github/workflows/', import.meta.url);
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const ciRun = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
const clone = <T>(value: T): T => structuredClone(value);
const isExecutable = (path: string) => {
  try {
    accessSync(new URL(`../../${path}`, import.meta.url), constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

test('the CI, release and deploy workflows are there', () => {
  expect(files.sort()).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml', 'release.yml']));
});

describe.each(files)('%s', (name) => {
  const text = read(name);
  const workflow = parse(text);

  test('validates against the GitHub workflow schema', () => {
    expect(schemaProblems(workflow)).toEqual([]);
  });

  test('pins every third-party action to a commit, its version in a comment', () => {
    expect(unpinnedActions(text)).toEqual([]);
  });

  test('sets least-privilege permissions and a concurrency group', () => {
    expect([...permissionProblems(workflow), ...concurrencyProblems(workflow)]).toEqual([]);
  });

  test('runs scripts of this repository that exist and are executable', () => {
    expect(missingScripts(workflow, isExecutable)).toEqual([]);
  });
});

describe('ci.yml runs what .ci/run runs', () => {
  const ci = parse(read('ci.yml'));

  test('the same packages, services for PostgreSQL and Redis, the same variables and npm commands', () => {
    expect(ciJobProblems(ci, ciRun)).toEqual([]);
  });

  test('a job that skips a step of .ci/run is refused', () => {
    const broken = clone(ci);
    broken.jobs.test.steps = broken.jobs.test.steps
      .filter((step: { run?: string }) => step.run !== 'npm test')
      .map((step: { run?: string }) => ({ ...step, run: step.run?.replace(' chromium', '') }));
    delete broken.jobs.test.env.TEST_REDIS_URL;
    broken.jobs.test.services.postgres.image = 'postgres:13';
    expect(ciJobProblems(broken, ciRun)).toEqual([
      'no service with image postgres:15 (for postgresql)',
      '.ci/run installs chromium; the job does not',
      '.ci/run sets TEST_REDIS_URL; the job does not',
      'npm commands ["npm ci --no-audit --no-fund"] differ from .ci/run\'s ["npm ci --no-audit --no-fund","npm test"]',
      'the last step is not `npm test`',
    ]);
  });

  test('a package .ci/run starts installing is missed by the job until it installs it too', () => {
    expect(ciJobProblems(ci, ciRun.replace('apt_install curl', 'apt_install curl hyperfine'))).toEqual([
      '.ci/run installs hyperfine; the job does not',
    ]);
  });
});

describe('a broken workflow fails', () => {
  const release = parse(read('release.yml'));

  test.each<[string, (workflow: any) => void, RegExp]>([
    ['a job without runs-on', (w) => delete w.jobs.image['runs-on'], /\/jobs\/image/],
    ['a misspelt key', (w) => (w.jobs.image.step = w.jobs.image.steps), /must NOT have additional properties/],
    ['an unknown trigger', (w) => (w.on = { tag: { tags: ['v*'] } }), /\/on/],
    ['a step with both run and uses', (w) => (w.jobs.image.steps[0].run = 'true'), /\/jobs\/image\/steps\/0/],
    ['an invalid permission level', (w) => (w.jobs.image.permissions.packages = 'admin'), /permissions/],
  ])('schema: %s', (_, breakIt, error) => {
    const broken = clone(release);
    breakIt(broken);
    expect(schemaProblems(broken).join('\n')).toMatch(error);
  });

  test('an action referenced by tag, or by commit without its version', () => {
    const text = read('release.yml')
      .replace(/actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'actions/checkout@v7')
      .replace(/(docker\/login-action@[0-9a-f]{40}) # v[\d.]+/, '$1');
    expect(unpinnedActions(text)).toEqual([
      expect.stringMatching(/^line \d+: actions\/checkout@v7 is not pinned/),
      expect.stringMatching(/^line \d+: docker\/login-action@[0-9a-f]{40} is not pinned/),
    ]);
  });

  test('a step that runs a script that is not there', () => {
    const deploy = parse(read('deploy.yml'));
    deploy.jobs.staging.steps[1].run = 'infra/ci/k8s-deploy-everything.sh staging "$VERSION"';
    expect(missingScripts(deploy, isExecutable)).toEqual([
      'infra/ci/k8s-deploy-everything.sh is missing or not executable',
    ]);
    expect(missingScripts(deploy, () => false)).toContain('infra/ci/smoke.sh is missing or not executable');
  });

  test('write access at the top, no permissions, no concurrency', () => {
    expect(permissionProblems({ ...release, permissions: { contents: 'write' } })).toEqual([
      'top-level permissions grant contents: write; grant it in the job that needs it',
    ]);
    expect(permissionProblems({ ...release, permissions: 'write-all' })).toEqual([
      'top-level permissions "write-all": list the scopes',
    ]);
    const { permissions: _p, concurrency: _c, ...bare } = release;
    expect([...permissionProblems(bare), ...concurrencyProblems(bare)]).toEqual([
      'the workflow sets no top-level permissions (it would get the defaults)',
      'the workflow sets no concurrency group',
    ]);
  });
});
