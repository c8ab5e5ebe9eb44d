import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

/**
 * Checks of the GitHub Actions workflows that can run without GitHub: SchemaStore's workflow schema
 * (vendored in schemastore/), and this project's own rules. Each returns a list of problems, empty
 * when all is well, so a test can show them all at once.
 */

type Json = Record<string, unknown>;

const schema = JSON.parse(readFileSync(new URL('./schemastore/github-workflow.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

export function schemaProblems(workflow: unknown): string[] {
  if (validate(workflow)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

// owner/repo[/path]@<40 hex> # v1.2.3: a tag can be moved to other code, a commit cannot; the comment
// says which release the commit is (and lets Dependabot update both).
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*\S*$/;

/** Every third-party action referenced by a full commit SHA with its version in a comment. */
export function unpinnedActions(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*(.+?)\s*$/.exec(line);
    if (!match) return;
    const reference = match[1]!;
    // Workflows and actions of this repository, and images, are not third-party actions.
    if (reference.startsWith('./') || reference.startsWith('docker://')) return;
    if (!PINNED.test(reference)) {
      problems.push(`line ${index + 1}: ${reference} is not pinned as owner/repo@<commit sha> # v<version>`);
    }
  });
  return problems;
}

const READ_ONLY = new Set(['read', 'none']);

/**
 * Least privilege: the workflow sets `permissions` and grants no write access at its top; a job that
 * needs to write says so itself, for itself only.
 */
export function permissionProblems(workflow: Json): string[] {
  const permissions = workflow.permissions;
  if (permissions === undefined) return ['the workflow sets no top-level permissions (it would get the defaults)'];
  if (typeof permissions === 'string') return [`top-level permissions "${permissions}": list the scopes`];
  return Object.entries(permissions as Json)
    .filter(([, level]) => !READ_ONLY.has(String(level)))
    .map(
      ([scope, level]) => `top-level permissions grant ${scope}: ${String(level)}; grant it in the job that needs it`,
    );
}

export function concurrencyProblems(workflow: Json): string[] {
  const concurrency = workflow.concurrency as Json | string | undefined;
  const group = typeof concurrency === 'string' ? concurrency : concurrency?.group;
  return group ? [] : ['the workflow sets no concurrency group'];
}

// Packages .ci/run installs that the CI job gets as a service container instead, by image.
const PROVIDED_BY_SERVICES: Record<string, string> = { postgresql: 'postgres:15' };

/** What .ci/run does: the packages it installs, the variables it exports, its npm commands in order. */
export function ciRunSteps(script: string) {
  const lines = script.split('\n').map((line) => line.trim());
  return {
    packages: [...new Set(lines.flatMap((line) => /\bapt_install ([\w.+ -]+)/.exec(line)?.[1]!.split(' ') ?? []))],
    variables: lines.flatMap((line) => /^export (\w+)=/.exec(line)?.[1] ?? []),
    commands: lines.filter((line) => line.startsWith('npm ')),
  };
}

/** The CI workflow's test job does what .ci/run does. */
export function ciJobProblems(workflow: Json, ciRun: string): string[] {
  const job = (workflow.jobs as Json | undefined)?.test as Json | undefined;
  if (!job) return ['no job "test"'];
  const expected = ciRunSteps(ciRun);
  const problems: string[] = [];
  const images = Object.values((job.services ?? {}) as Record<string, Json>).map((service) => service.image);
  const runs = ((job.steps ?? []) as Json[]).flatMap((step) => (typeof step.run === 'string' ? [step.run.trim()] : []));
  const installs = runs.filter((run) => run.includes('apt-get install')).join('\n');
  for (const pkg of expected.packages) {
    const image = PROVIDED_BY_SERVICES[pkg];
    if (image ? !images.includes(image) : !new RegExp(`\\s${pkg}(\\s|$)`, 'm').test(installs)) {
      problems.push(
        image ? `no service with image ${image} (for ${pkg})` : `.ci/run installs ${pkg}; the job does not`,
      );
    }
  }
  if (!images.some((image) => String(image).startsWith('redis:'))) problems.push('no Redis service');
  for (const variable of expected.variables) {
    if (!(variable in ((job.env ?? {}) as Json))) problems.push(`.ci/run sets ${variable}; the job does not`);
  }
  const commands = runs.filter((run) => run.startsWith('npm '));
  if (JSON.stringify(commands) !== JSON.stringify(expected.commands)) {
    problems.push(
      `npm commands ${JSON.stringify(commands)} differ from .ci/run's ${JSON.stringify(expected.commands)}`,
    );
  }
  if (runs.at(-1) !== 'npm test') problems.push('the last step is not `npm test`');
  return problems;
}

/** Scripts of this repository that the workflow's steps run (`infra/ci/….sh`) exist and are executable. */
export function missingScripts(workflow: Json, isExecutable: (path: string) => boolean): string[] {
  const runs = Object.values((workflow.jobs ?? {}) as Record<string, Json>).flatMap((job) =>
    ((job.steps ?? []) as Json[]).flatMap((step) => (typeof step.run === 'string' ? [step.run] : [])),
  );
  const scripts = new Set(runs.flatMap((run) => run.match(/\binfra\/[\w./-]+\.sh\b/g) ?? []));
  return [...scripts].filter((path) => !isExecutable(path)).map((path) => `${path} is missing or not executable`);
}
