import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// The deploy scripts run against fakes of kubectl and kustomize that record every call (no cluster
// here): what is applied, in which order, and what happens when the migrations fail.
const run = promisify(execFile);
const scripts = fileURLToPath(new URL('.', import.meta.url));

const RENDERED = `apiVersion: v1
kind: Namespace
metadata:
  name: switchyard-staging
---
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    app.kubernetes.io/part-of: switchyard
  name: switchyard-config
---
apiVersion: batch/v1
kind: Job
metadata:
  labels:
    app.kubernetes.io/name: migrate
  name: switchyard-migrate
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: gateway
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
`;

const KUBECTL = `#!/usr/bin/env bash
[ -f "$CALLS.kubeconfig" ] || cat "\${KUBECONFIG:-/dev/null}" > "$CALLS.kubeconfig"
case "$*" in
  apply\\ -f\\ *) echo "kubectl apply $(grep '^kind:' "$3" | cut -d' ' -f2 | tr '\\n' ' ')" >> "$CALLS" ;;
  *) echo "kubectl $*" >> "$CALLS" ;;
esac
case "$*" in
  *"get job"*) echo "$JOB_STATE" ;;
  *"get deployments"*"-o name"*) printf 'deployment/gateway\\ndeployment/web\\n' ;;
esac
`;

const KUSTOMIZE = `#!/usr/bin/env bash
case "$1" in
  edit) echo "kustomize $* (in $(basename "$(dirname "$PWD")")/$(basename "$PWD"))" >> "$CALLS" ;;
  build) echo "kustomize build" >> "$CALLS"; cat "$RENDERED" ;;
esac
`;

let dir: string;
let repo: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchyard-deploy-'));
  repo = join(dir, 'repo');
  cpSync(scripts, join(repo, 'infra/ci'), { recursive: true, filter: (path) => !path.endsWith('.ts') });
  for (const overlay of ['dev', 'prod']) {
    mkdirSync(join(repo, 'infra/k8s/overlays', overlay), { recursive: true });
    writeFileSync(join(repo, 'infra/k8s/overlays', overlay, 'kustomization.yaml'), 'resources: []\n');
  }
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin/kubectl'), KUBECTL);
  writeFileSync(join(dir, 'bin/kustomize'), KUSTOMIZE);
  chmodSync(join(dir, 'bin/kubectl'), 0o755);
  chmodSync(join(dir, 'bin/kustomize'), 0o755);
  writeFileSync(join(dir, 'rendered.yaml'), RENDERED);
  env = {
    PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
    CALLS: join(dir, 'calls'),
    RENDERED: join(dir, 'rendered.yaml'),
    JOB_STATE: 'Complete',
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function script(name: string, args: string[], extra: NodeJS.ProcessEnv = {}) {
  const result = await run('bash', [join(repo, 'infra/ci', name), ...args], { env: { ...env, ...extra } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  const calls = readFileSync(env.CALLS!, 'utf8').trim().split('\n').filter(Boolean);
  return { ...result, calls };
}

const waitForJob =
  'kubectl -n switchyard-staging get job switchyard-migrate -o jsonpath={.status.conditions[?(@.status=="True")].type}';

test('a deploy migrates first, then rolls the Deployments, in the namespace of its environment', async () => {
  writeFileSync(env.CALLS!, '');
  const { code, calls } = await script('k8s-deploy.sh', ['staging', 'v1.4.0']);
  expect(code).toBe(0);
  expect(calls).toEqual([
    'kustomize edit set image ghcr.io/switchyard/switchyard=ghcr.io/switchyard/switchyard:v1.4.0 (in overlays/dev)',
    'kustomize build',
    'kubectl apply Namespace ConfigMap ',
    'kubectl -n switchyard-staging delete job switchyard-migrate --ignore-not-found --wait=true',
    'kubectl apply Job ',
    waitForJob,
    'kubectl -n switchyard-staging logs job/switchyard-migrate --all-containers --tail=50',
    'kubectl apply Deployment Deployment ',
    'kubectl -n switchyard-staging get deployments -l app.kubernetes.io/part-of=switchyard -o name',
    'kubectl -n switchyard-staging rollout status deployment/gateway --timeout=10m',
    'kubectl -n switchyard-staging rollout status deployment/web --timeout=10m',
  ]);
  // The overlay in the working tree is left as it was: the copy was edited.
  expect(readFileSync(join(repo, 'infra/k8s/overlays/dev/kustomization.yaml'), 'utf8')).toBe('resources: []\n');
});

test('failed migrations leave the Deployments on their current version', async () => {
  writeFileSync(env.CALLS!, '');
  const { code, stderr, calls } = await script('k8s-deploy.sh', ['staging', 'v1.4.0'], { JOB_STATE: 'Failed' });
  expect(code).toBe(1);
  expect(stderr).toContain('migrations did not complete (Failed)');
  expect(calls.at(-2)).toBe(waitForJob);
  expect(calls.at(-1)).toContain('logs job/switchyard-migrate');
  expect(calls.filter((call) => call.includes('Deployment') || call.includes('rollout'))).toEqual([]);
});

test('production is the prod overlay in namespace switchyard, with the credentials CI passes', async () => {
  writeFileSync(env.CALLS!, '');
  const sha = 'a'.repeat(40);
  const { code, calls } = await script('k8s-deploy.sh', ['production', sha], { KUBECONFIG_DATA: 'kind: Config' });
  expect(code).toBe(0);
  expect(calls[0]).toBe(
    `kustomize edit set image ghcr.io/switchyard/switchyard=ghcr.io/switchyard/switchyard:${sha} (in overlays/prod)`,
  );
  expect(calls).toContain('kubectl -n switchyard rollout status deployment/web --timeout=10m');
  expect(readFileSync(`${env.CALLS}.kubeconfig`, 'utf8')).toBe('kind: Config\n');
});

test.each([
  ['staging', 'latest'],
  ['staging', 'v1.4.0; rm -rf /'],
  ['qa', 'v1.4.0'],
])('refuses %s %s before touching the cluster', async (environment, version) => {
  writeFileSync(env.CALLS!, '');
  const { code, calls } = await script('k8s-deploy.sh', [environment, version]);
  expect(code).toBe(2);
  expect(calls).toEqual([]);
});

test('a rollback undoes every Deployment and waits for them', async () => {
  writeFileSync(env.CALLS!, '');
  const { code, calls } = await script('k8s-rollback.sh', ['production']);
  expect(code).toBe(0);
  expect(calls).toEqual([
    'kubectl -n switchyard get deployments -l app.kubernetes.io/part-of=switchyard -o name',
    'kubectl -n switchyard rollout undo deployment/gateway',
    'kubectl -n switchyard rollout undo deployment/web',
    'kubectl -n switchyard get deployments -l app.kubernetes.io/part-of=switchyard -o name',
    'kubectl -n switchyard rollout status deployment/gateway --timeout=10m',
    'kubectl -n switchyard rollout status deployment/web --timeout=10m',
    expect.stringContaining('kubectl -n switchyard get deployments'),
  ]);
});

describe('smoke.sh', () => {
  let server: Server;
  let services: string;
  let url: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (request.url === '/health') return response.end('{"status":"ok"}');
        const query = JSON.parse(body).query as string;
        if (query === '{ __typename }') return response.end('{"data":{"__typename":"Query"}}');
        if (request.headers['x-api-key'] !== 'sk_smoke') return response.end('{"errors":[{"message":"no"}]}');
        response.end(services);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const smoke = (extra: NodeJS.ProcessEnv = {}) =>
    run('bash', [join(scripts, 'smoke.sh'), url], { env: { PATH: process.env.PATH, ...extra } }).then(
      () => 0,
      (error: { code: number }) => error.code,
    );

  test('passes when the origin answers and no service is down', async () => {
    services = '{"data":{"services":[{"name":"stores","status":"UP"},{"name":"meals","status":"STARTING"}]}}';
    expect(await smoke()).toBe(0);
    expect(await smoke({ SMOKE_API_KEY: 'sk_smoke' })).toBe(0);
  });

  test('fails when a service is down or the key is refused', async () => {
    services = '{"data":{"services":[{"name":"stores","status":"DOWN"}]}}';
    expect(await smoke({ SMOKE_API_KEY: 'sk_smoke' })).toBe(1);
    expect(await smoke({ SMOKE_API_KEY: 'sk_wrong' })).toBe(1);
  });
});
