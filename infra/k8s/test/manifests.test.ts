// The Kubernetes manifests, checked offline (no cluster here): each overlay renders (kubectl kustomize
// where installed, and the built-in renderer, which must agree with it), every object validates
// against the Kubernetes API schemas, and the policies of policies.ts hold. The mutation tests show
// the checks fail when a Deployment loses its probes, runs as root, and so on.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { SUBGRAPH_NAMES, policyViolations, type PolicyOptions } from './policies.ts';
import { containersOf, k8sDir, podSpecOf, renderKustomization, renderWithKubectl, type K8sObject } from './render.ts';
import { schemaErrors } from './schemas.ts';

const SERVICES = [...SUBGRAPH_NAMES, 'gateway', 'web'];
// observability is left out on purpose: its checker runs on one replica (a lease), see observability.yaml.
const AUTOSCALED = ['identity', 'stores', 'hardware', 'meals', 'gateway', 'web'];
const OVERLAYS: Record<string, PolicyOptions & { namespace: string }> = {
  dev: { namespace: 'switchyard-staging', autoscaled: AUTOSCALED, minReplicas: 1 },
  prod: { namespace: 'switchyard', autoscaled: AUTOSCALED, minReplicas: 2 },
};
const K8S_ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

const keyOf = (o: K8sObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const byKey = (objects: K8sObject[]) => Object.fromEntries(objects.map((o) => [keyOf(o), o]));
const find = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
};
const container = (objects: K8sObject[], deployment: string) =>
  containersOf(find(objects, 'Deployment', deployment))[0]!;

const kubectlInstalled = renderWithKubectl(k8sDir('base')) !== null;

describe.each(Object.entries(OVERLAYS))('overlay %s', (overlay, options) => {
  const dir = k8sDir('overlays', overlay);
  let rendered: K8sObject[];
  beforeAll(() => {
    rendered = renderWithKubectl(dir) ?? renderKustomization(dir);
  });

  (kubectlInstalled ? test : test.skip)('the built-in renderer gives what kubectl kustomize gives', () => {
    expect(byKey(renderKustomization(dir))).toEqual(byKey(rendered));
  });

  test('every object validates against the Kubernetes API schemas', () => {
    expect(rendered.length).toBeGreaterThan(40);
    expect(schemaErrors(rendered)).toEqual([]);
  });

  test('the policies hold', () => {
    expect(policyViolations(rendered, options)).toEqual([]);
  });

  test(`a Deployment, Service and PodDisruptionBudget per service, all in ${options.namespace}`, () => {
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) {
      expect(
        rendered
          .filter((o) => o.kind === kind)
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual([...SERVICES].sort());
    }
    expect(find(rendered, 'Namespace', options.namespace)).toBeDefined();
    for (const object of rendered.filter((o) => o.kind !== 'Namespace'))
      expect([keyOf(object), object.metadata.namespace]).toEqual([keyOf(object), options.namespace]);
  });

  test('the gateway and the other services find the subgraphs by their Service names', () => {
    const config = find(rendered, 'ConfigMap', 'switchyard-config').data as Record<string, string>;
    for (const subgraph of SUBGRAPH_NAMES) {
      const service = find(rendered, 'Service', subgraph);
      const port = (service.spec as { ports: { port: number }[] }).ports[0]!.port;
      expect(config[`${subgraph.toUpperCase()}_URL`]).toBe(`http://${subgraph}:${port}/graphql`);
      expect(container(rendered, subgraph).args).toEqual([subgraph]);
    }
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.NODE_ENV).toBe('production');
    expect(new URL(config.PUBLIC_URL!).host).toBe(
      (find(rendered, 'Ingress', 'switchyard').spec as { rules: { host: string }[] }).rules[0]!.host,
    );
  });

  test("the README's secret command creates exactly the keys the pods mount", () => {
    const readme = readFileSync(README, 'utf8');
    const command = readme.slice(readme.indexOf('kubectl -n switchyard create secret generic switchyard-secrets'));
    const documented = [...command.slice(0, command.indexOf('```')).matchAll(/--from-file=([a-z-]+)=/g)].map(
      (match) => match[1],
    );
    const mounted = new Set(
      rendered.flatMap((o) => {
        const volumes = (podSpecOf(o)?.volumes as { secret?: { items?: { key: string }[] } }[] | undefined) ?? [];
        return volumes.flatMap((volume) => volume.secret?.items?.map((item) => item.key) ?? []);
      }),
    );
    expect([...documented].sort()).toEqual([...mounted].sort());
  });
});

describe('the checks fail when the manifests break a policy', () => {
  let objects: K8sObject[];
  beforeEach(() => {
    objects = renderKustomization(k8sDir('overlays', 'prod'));
  });
  const violations = () => policyViolations(objects, OVERLAYS.prod!);

  test('a Deployment without readiness or liveness probe', () => {
    delete container(objects, 'gateway').readinessProbe;
    delete container(objects, 'identity').livenessProbe;
    expect(violations()).toEqual([
      'Deployment/identity container identity: no livenessProbe',
      'Deployment/gateway container gateway: no readinessProbe',
    ]);
  });

  test('a readiness probe on /health where /ready exists', () => {
    (container(objects, 'meals').readinessProbe as { httpGet: { path: string } }).httpGet.path = '/health';
    expect(violations()).toEqual(['Deployment/meals container meals: readinessProbe on /health, expected /ready']);
  });

  test('a Deployment running as root', () => {
    const security = container(objects, 'stores').securityContext as Record<string, unknown>;
    security.runAsUser = 0;
    security.runAsNonRoot = false;
    expect(violations()).toEqual([
      'Deployment/stores container stores: runAsNonRoot is not true',
      'Deployment/stores container stores: runs as user 0, expected 10001',
    ]);
  });

  test("a container that falls back to the pod's or image's user when the pod says nothing", () => {
    const security = container(objects, 'web').securityContext as Record<string, unknown>;
    delete security.runAsUser;
    delete security.runAsNonRoot;
    delete (podSpecOf(find(objects, 'Deployment', 'web'))!.securityContext as Record<string, unknown>).runAsNonRoot;
    delete (podSpecOf(find(objects, 'Deployment', 'web'))!.securityContext as Record<string, unknown>).runAsUser;
    expect(violations()).toEqual([
      'Deployment/web container web: runAsNonRoot is not true',
      'Deployment/web container web: runs as user of the image, expected 10001',
    ]);
  });

  test('privilege escalation, a writable root, capabilities kept, no resource limits', () => {
    const hardware = container(objects, 'hardware');
    Object.assign(hardware.securityContext as object, {
      allowPrivilegeEscalation: true,
      readOnlyRootFilesystem: false,
      capabilities: { add: ['NET_ADMIN'] },
    });
    delete (hardware.resources as { limits?: unknown }).limits;
    expect(violations()).toEqual([
      'Deployment/hardware container hardware: no cpu in resources.limits',
      'Deployment/hardware container hardware: no memory in resources.limits',
      'Deployment/hardware container hardware: allowPrivilegeEscalation is not false',
      'Deployment/hardware container hardware: root file system is not read-only',
      'Deployment/hardware container hardware: capabilities are not all dropped',
      'Deployment/hardware container hardware: adds capabilities NET_ADMIN',
    ]);
  });

  test('a secret passed as a variable instead of a file', () => {
    const meals = container(objects, 'meals');
    (meals.env as unknown[]).push({
      name: 'SMTP_URL',
      valueFrom: { secretKeyRef: { name: 'switchyard-secrets', key: 'smtp-url' } },
    });
    expect(violations()).toEqual(['Deployment/meals container meals: SMTP_URL comes from a secret as a variable']);
  });

  test('a missing PodDisruptionBudget or autoscaler, too few replicas', () => {
    objects = objects.filter(
      (o) =>
        !(o.kind === 'PodDisruptionBudget' && o.metadata.name === 'meals') &&
        !(o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 'gateway'),
    );
    (find(objects, 'Deployment', 'observability').spec as { replicas: number }).replicas = 1;
    expect(violations()).toEqual([
      'Deployment/meals: no PodDisruptionBudget selects its pods',
      'Deployment/observability: 1 replicas, fewer than 2',
      'Deployment/gateway: no HorizontalPodAutoscaler',
    ]);
  });

  test('a subgraph reachable from outside the namespace, a database open to several subgraphs', () => {
    const stores = find(objects, 'NetworkPolicy', 'ingress-stores').spec as { ingress: { from: unknown[] }[] };
    stores.ingress[0]!.from.push({ namespaceSelector: {} });
    const identityDatabase = find(objects, 'NetworkPolicy', 'egress-database-identity').spec as Record<string, unknown>;
    identityDatabase.podSelector = { matchLabels: { 'app.kubernetes.io/component': 'subgraph' } };
    expect(violations()).toEqual([
      'Deployment/stores: NetworkPolicy/ingress-stores admits traffic from outside the namespace',
      'NetworkPolicy/egress-database-identity: opens port 5432 to identity, stores, hardware, meals, observability',
    ]);
  });

  test('the gateway given a way to a database', () => {
    const redis = find(objects, 'NetworkPolicy', 'egress-redis').spec as { egress: { ports?: unknown }[] };
    delete redis.egress[0]!.ports;
    expect(violations()).toContain('Deployment/gateway: NetworkPolicy/egress-redis lets it reach port 5432 outside');
  });

  test('an Ingress without TLS or cert-manager', () => {
    const ingress = find(objects, 'Ingress', 'switchyard');
    delete ingress.metadata.annotations!['cert-manager.io/cluster-issuer'];
    delete (ingress.spec as { tls?: unknown }).tls;
    expect(violations()).toEqual([
      'Ingress/switchyard: no cert-manager issuer annotation',
      'Ingress/switchyard: switchyard.example.com has no tls entry',
    ]);
  });

  test('an object the Kubernetes API would reject', () => {
    const ports = container(objects, 'web').ports as Record<string, unknown>[];
    ports[0]!.containerPort = 'http';
    delete (find(objects, 'PodDisruptionBudget', 'web').spec as { selector?: unknown }).selector;
    expect(schemaErrors(objects)).toEqual([
      expect.stringMatching(/^Deployment\/web: .*containerPort must be integer/),
      // A PDB without a selector is valid to the schema (it selects nothing); the policy check notices.
    ]);
    expect(violations()).toEqual(['Deployment/web: no PodDisruptionBudget selects its pods']);
  });
});

describe('a broken file in infra/k8s fails the checks after rendering', () => {
  let copy: string;
  beforeEach(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'switchyard-k8s-'));
    cpSync(K8S_ROOT, copy, {
      recursive: true,
      filter: (source) => path.relative(K8S_ROOT, source).split(path.sep)[0] !== 'test',
    });
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  function edit(file: string, change: (documents: ReturnType<typeof parseAllDocuments>) => void): void {
    const location = path.join(copy, 'base', file);
    const documents = parseAllDocuments(readFileSync(location, 'utf8'), { version: '1.1' });
    change(documents);
    writeFileSync(location, documents.map(String).join(''));
  }
  const render = () => {
    const dir = path.join(copy, 'overlays', 'prod');
    return renderWithKubectl(dir) ?? renderKustomization(dir);
  };

  test('stores.yaml without its readiness probe', () => {
    edit('stores.yaml', ([deployment]) =>
      deployment!.deleteIn(['spec', 'template', 'spec', 'containers', 0, 'readinessProbe']),
    );
    expect(policyViolations(render(), OVERLAYS.prod!)).toEqual([
      'Deployment/stores container stores: no readinessProbe',
    ]);
  });

  test('pod-defaults.yaml running every container as root', () => {
    edit('pod-defaults.yaml', ([patch]) => {
      patch!.setIn([3, 'value', 'runAsUser'], 0);
    });
    const violations = policyViolations(render(), OVERLAYS.prod!);
    expect(violations).toContain('Deployment/gateway container gateway: runs as user 0, expected 10001');
    expect(violations).toContain('Job/switchyard-migrate container migrate: runs as user 0, expected 10001');
    expect(violations).toHaveLength(8);
  });
});
