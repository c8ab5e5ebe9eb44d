// The rules every rendered overlay must keep (issue 16, item 4). Each check returns one line per
// violation naming the object, so a test can assert both "none" and "this one".
import { SUBGRAPHS } from '@switchyard/shared/subgraphs';
import { containersOf, podSpecOf, type Container, type K8sObject } from './render.ts';

export const SUBGRAPH_NAMES: readonly string[] = SUBGRAPHS.map(({ name }) => name);
const IMAGE = 'ghcr.io/switchyard/switchyard';
const SECRET = 'switchyard-secrets';
const SECRETS_DIR = '/run/secrets';
const DATABASE_PORT = 5432;

export interface PolicyOptions {
  /** Deployments that must have a HorizontalPodAutoscaler; the others need spec.replicas. */
  autoscaled: readonly string[];
  /** The fewest replicas any Deployment may run (HPA minReplicas, or spec.replicas). */
  minReplicas: number;
}

type Json = Record<string, unknown>;
interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function policyViolations(objects: readonly K8sObject[], options: PolicyOptions): string[] {
  return [
    ...workloadViolations(objects),
    ...scalingViolations(objects, options),
    ...networkViolations(objects),
    ...ingressViolations(objects),
  ];
}

const deploymentsOf = (objects: readonly K8sObject[]) => objects.filter((o) => o.kind === 'Deployment');
const podLabelsOf = (object: K8sObject): Record<string, string> =>
  ((((object.spec as Json).template as Json).metadata as Json | undefined)?.labels as Record<string, string>) ?? {};

export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  return (
    byLabels &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      if (operator === 'In') return key in labels && values.includes(labels[key]!);
      if (operator === 'NotIn') return !(key in labels) || !values.includes(labels[key]!);
      if (operator === 'Exists') return key in labels;
      if (operator === 'DoesNotExist') return !(key in labels);
      throw new Error(`unknown selector operator ${operator}`);
    })
  );
}

/** Probes, resources, security context, /tmp and secrets as files, for every Deployment and Job. */
function workloadViolations(objects: readonly K8sObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    const where = `${object.kind}/${object.metadata.name}`;
    const podSecurity = (pod.securityContext as Json | undefined) ?? {};
    if (pod.enableServiceLinks !== false) problems.push(`${where}: enableServiceLinks must be false`);
    if (pod.automountServiceAccountToken !== false)
      problems.push(`${where}: automountServiceAccountToken must be false`);
    const volumes = (pod.volumes as Json[] | undefined) ?? [];
    for (const container of containersOf(object)) {
      const at = `${where} container ${container.name}`;
      if (!container.image.startsWith(`${IMAGE}:`) && !container.image.startsWith(`${IMAGE}@`))
        problems.push(`${at}: image ${container.image} is not a tagged ${IMAGE}`);
      if (object.kind === 'Deployment') problems.push(...probeViolations(at, object.metadata.name, container));
      problems.push(...resourceViolations(at, container));
      problems.push(...securityViolations(at, podSecurity, (container.securityContext as Json | undefined) ?? {}));
      problems.push(...fileViolations(at, container, volumes));
    }
  }
  return problems;
}

function probeViolations(at: string, service: string, container: Container): string[] {
  const problems: string[] = [];
  // The web server has no dependencies of its own: /health is its readiness too.
  const expected = { readinessProbe: service === 'web' ? '/health' : '/ready', livenessProbe: '/health' };
  for (const [probe, path] of Object.entries(expected)) {
    const httpGet = (container[probe] as Json | undefined)?.httpGet as Json | undefined;
    if (!httpGet) problems.push(`${at}: no ${probe}`);
    else if (httpGet.path !== path) problems.push(`${at}: ${probe} on ${String(httpGet.path)}, expected ${path}`);
  }
  return problems;
}

function resourceViolations(at: string, container: Container): string[] {
  const resources = (container.resources as Json | undefined) ?? {};
  return ['requests', 'limits'].flatMap((kind) =>
    ['cpu', 'memory']
      .filter((resource) => !((resources[kind] as Json | undefined) ?? {})[resource])
      .map((resource) => `${at}: no ${resource} in resources.${kind}`),
  );
}

function securityViolations(at: string, pod: Json, container: Json): string[] {
  const problems: string[] = [];
  // A container's setting overrides its pod's.
  const effective = (field: string) => (field in container ? container[field] : pod[field]);
  if (effective('runAsNonRoot') !== true) problems.push(`${at}: runAsNonRoot is not true`);
  const user = effective('runAsUser');
  if (user !== 10001) problems.push(`${at}: runs as user ${String(user ?? 'of the image')}, expected 10001`);
  if (container.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
  if (container.privileged === true) problems.push(`${at}: privileged`);
  if (container.readOnlyRootFilesystem !== true) problems.push(`${at}: root file system is not read-only`);
  const drop = ((container.capabilities as Json | undefined)?.drop as string[] | undefined) ?? [];
  if (!drop.includes('ALL')) problems.push(`${at}: capabilities are not all dropped`);
  const added = ((container.capabilities as Json | undefined)?.add as string[] | undefined) ?? [];
  if (added.length > 0) problems.push(`${at}: adds capabilities ${added.join(', ')}`);
  if ((effective('seccompProfile') as Json | undefined)?.type !== 'RuntimeDefault')
    problems.push(`${at}: seccomp profile is not RuntimeDefault`);
  return problems;
}

/** /tmp is an emptyDir; secrets come only as files from switchyard-secrets, each one a <NAME>_FILE. */
function fileViolations(at: string, container: Container, volumes: Json[]): string[] {
  const problems: string[] = [];
  const mounts = (container.volumeMounts as Json[] | undefined) ?? [];
  const volumeAt = (mountPath: string) => {
    const mount = mounts.find((m) => m.mountPath === mountPath);
    return { mount, volume: volumes.find((v) => v.name === mount?.name) };
  };
  if (!volumeAt('/tmp').volume?.emptyDir) problems.push(`${at}: /tmp is not an emptyDir`);

  const env = (container.env as Json[] | undefined) ?? [];
  for (const variable of env) {
    const from = variable.valueFrom as Json | undefined;
    if (from?.secretKeyRef) problems.push(`${at}: ${String(variable.name)} comes from a secret as a variable`);
  }
  if (((container.envFrom as Json[] | undefined) ?? []).some((source) => source.secretRef))
    problems.push(`${at}: secrets as variables (envFrom secretRef)`);
  const fileVariables = env.filter((variable) => String(variable.name).endsWith('_FILE'));
  if (fileVariables.length === 0) return problems;

  const { mount, volume } = volumeAt(SECRETS_DIR);
  const secret = volume?.secret as Json | undefined;
  if (!mount || secret?.secretName !== SECRET)
    return [...problems, `${at}: ${SECRET} is not mounted at ${SECRETS_DIR}`];
  if (mount.readOnly !== true) problems.push(`${at}: ${SECRETS_DIR} is not read-only`);
  const files = new Set(
    ((secret.items as Json[] | undefined) ?? []).map((item) => `${SECRETS_DIR}/${String(item.path)}`),
  );
  for (const variable of fileVariables) {
    const name = String(variable.name).slice(0, -'_FILE'.length);
    const expected = `${SECRETS_DIR}/${name.toLowerCase().replaceAll('_', '-')}`;
    if (variable.value !== expected)
      problems.push(`${at}: ${String(variable.name)} is ${String(variable.value)}, expected ${expected}`);
    else if (!files.has(expected)) problems.push(`${at}: ${expected} is not among the mounted secret's items`);
  }
  return problems;
}

/** A PDB per Deployment, an HPA for each autoscaled one, a fixed count for the others, the migration Job. */
function scalingViolations(objects: readonly K8sObject[], { autoscaled, minReplicas }: PolicyOptions): string[] {
  const problems: string[] = [];
  const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');
  const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
  for (const deployment of deploymentsOf(objects)) {
    const name = deployment.metadata.name;
    const where = `Deployment/${name}`;
    if (!pdbs.some((pdb) => selects((pdb.spec as Json).selector as LabelSelector, podLabelsOf(deployment))))
      problems.push(`${where}: no PodDisruptionBudget selects its pods`);
    const hpa = hpas.find((h) => ((h.spec as Json).scaleTargetRef as Json).name === name);
    const replicas = (deployment.spec as Json).replicas as number | undefined;
    if (autoscaled.includes(name)) {
      if (!hpa) {
        problems.push(`${where}: no HorizontalPodAutoscaler`);
        continue;
      }
      const { minReplicas: min = 1, maxReplicas: max } = hpa.spec as { minReplicas?: number; maxReplicas: number };
      if (min < minReplicas) problems.push(`${where}: autoscales from ${min}, fewer than ${minReplicas}`);
      if (max < min) problems.push(`${where}: autoscaler's maximum ${max} is below its minimum ${min}`);
      // An HPA-managed Deployment leaves spec.replicas out, or every apply would reset the HPA's count.
      if (replicas !== undefined) problems.push(`${where}: sets replicas although an autoscaler manages it`);
    } else {
      if (hpa) problems.push(`${where}: has an autoscaler but is not meant to`);
      if ((replicas ?? 1) < minReplicas)
        problems.push(`${where}: ${replicas ?? 1} replicas, fewer than ${minReplicas}`);
    }
  }
  for (const hpa of hpas) {
    const target = ((hpa.spec as Json).scaleTargetRef as Json).name;
    if (!deploymentsOf(objects).some((d) => d.metadata.name === target))
      problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: targets missing Deployment ${String(target)}`);
  }
  const migrate = objects.find((o) => o.kind === 'Job' && o.metadata.name === 'switchyard-migrate');
  if (!migrate) problems.push('Job/switchyard-migrate is missing');
  else if (JSON.stringify(containersOf(migrate)[0]?.args) !== '["migrate"]')
    problems.push('Job/switchyard-migrate: does not run ["migrate"]');
  return problems;
}

interface Rule {
  peers: Json[];
  ports: Json[] | undefined;
}
const policiesOf = (objects: readonly K8sObject[]) => objects.filter((o) => o.kind === 'NetworkPolicy');
function rulesFor(objects: readonly K8sObject[], labels: Record<string, string>, direction: 'Ingress' | 'Egress') {
  const field = direction === 'Ingress' ? 'ingress' : 'egress';
  const peerField = direction === 'Ingress' ? 'from' : 'to';
  return policiesOf(objects)
    .filter((policy) => selects((policy.spec as Json).podSelector as LabelSelector, labels))
    .filter((policy) => ((policy.spec as Json).policyTypes as string[] | undefined)?.includes(direction))
    .flatMap((policy) =>
      (((policy.spec as Json)[field] as Json[] | undefined) ?? []).map((rule) => ({
        policy: policy.metadata.name,
        peers: (rule[peerField] as Json[] | undefined) ?? [],
        ports: rule.ports as Json[] | undefined,
      })),
    );
}
const allowsPort = (rule: Rule, port: number) =>
  rule.ports === undefined || rule.ports.some((p) => p.port === port || p.port === undefined);
// Leaves the namespace: an address block, another namespace, or no peers at all (anywhere).
const leavesNamespace = (rule: Rule) =>
  rule.peers.length === 0 || rule.peers.some((peer) => peer.ipBlock || peer.namespaceSelector);
const opensDatabase = (rule: Rule) => allowsPort(rule, DATABASE_PORT) && leavesNamespace(rule);

/**
 * Default deny both ways; subgraphs reached only by pods of this namespace that the code calls from
 * (the gateway first), never from another namespace or an address block; the ingress controller
 * reaching only the web server; the database port only from one subgraph per policy.
 */
function networkViolations(objects: readonly K8sObject[]): string[] {
  const problems: string[] = [];
  const denyAll = policiesOf(objects).some((policy) => {
    const spec = policy.spec as Json;
    const types = (spec.policyTypes as string[] | undefined) ?? [];
    return (
      Object.keys((spec.podSelector as Json | undefined) ?? {}).length === 0 &&
      types.includes('Ingress') &&
      types.includes('Egress') &&
      !spec.ingress &&
      !spec.egress
    );
  });
  if (!denyAll) problems.push('no default-deny NetworkPolicy for ingress and egress');

  for (const deployment of deploymentsOf(objects)) {
    const name = deployment.metadata.name;
    const labels = podLabelsOf(deployment);
    const ingress = rulesFor(objects, labels, 'Ingress');
    const fromOutside = ingress.filter((rule) =>
      rule.peers.length === 0 ? true : rule.peers.some((peer) => peer.namespaceSelector || peer.ipBlock),
    );
    if (SUBGRAPH_NAMES.includes(name)) {
      if (ingress.length === 0) problems.push(`Deployment/${name}: no NetworkPolicy admits traffic to it`);
      for (const rule of fromOutside)
        problems.push(`Deployment/${name}: NetworkPolicy/${rule.policy} admits traffic from outside the namespace`);
      const fromGateway = ingress.some((rule) =>
        rule.peers.some((peer) => selects(peer.podSelector as LabelSelector, { 'app.kubernetes.io/name': 'gateway' })),
      );
      if (!fromGateway) problems.push(`Deployment/${name}: the gateway may not reach it`);
    } else if (name !== 'web' && fromOutside.length > 0) {
      problems.push(`Deployment/${name}: reachable from outside the namespace; only the web server may be`);
    }

    const databaseRules = rulesFor(objects, labels, 'Egress').filter(opensDatabase);
    if (!SUBGRAPH_NAMES.includes(name))
      for (const rule of databaseRules)
        problems.push(`Deployment/${name}: NetworkPolicy/${rule.policy} lets it reach port ${DATABASE_PORT} outside`);
    else if (databaseRules.length === 0) problems.push(`Deployment/${name}: no egress to its database`);
  }
  // A policy opening the database port may select one subgraph (and the migration Job), never two.
  for (const policy of policiesOf(objects)) {
    const spec = policy.spec as Json;
    const rules = ((spec.egress as Json[] | undefined) ?? []).map((rule) => ({
      peers: (rule.to as Json[] | undefined) ?? [],
      ports: rule.ports as Json[] | undefined,
    }));
    if (!rules.some(opensDatabase)) continue;
    const selected = deploymentsOf(objects).filter((d) => selects(spec.podSelector as LabelSelector, podLabelsOf(d)));
    if (selected.length > 1)
      problems.push(
        `NetworkPolicy/${policy.metadata.name}: opens port ${DATABASE_PORT} to ${selected.map((d) => d.metadata.name).join(', ')}`,
      );
  }
  return problems;
}

/** One Ingress, to the web server only, with TLS for its hosts and a cert-manager issuer. */
function ingressViolations(objects: readonly K8sObject[]): string[] {
  const ingresses = objects.filter((o) => o.kind === 'Ingress');
  if (ingresses.length !== 1) return [`expected one Ingress, found ${ingresses.length}`];
  const ingress = ingresses[0]!;
  const where = `Ingress/${ingress.metadata.name}`;
  const problems: string[] = [];
  const annotations = ingress.metadata.annotations ?? {};
  if (!annotations['cert-manager.io/cluster-issuer'] && !annotations['cert-manager.io/issuer'])
    problems.push(`${where}: no cert-manager issuer annotation`);
  if (Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'] ?? 60) < 3600)
    problems.push(`${where}: proxy-read-timeout under an hour would cut websockets and SSE`);
  const spec = ingress.spec as { tls?: { hosts?: string[]; secretName?: string }[]; rules?: Json[] };
  const tlsHosts = new Set((spec.tls ?? []).filter((t) => t.secretName).flatMap((t) => t.hosts ?? []));
  for (const rule of spec.rules ?? []) {
    if (!tlsHosts.has(String(rule.host))) problems.push(`${where}: ${String(rule.host)} has no tls entry`);
    for (const path of ((rule.http as Json | undefined)?.paths as Json[] | undefined) ?? []) {
      const service = ((path.backend as Json).service as Json | undefined)?.name;
      if (service !== 'web') problems.push(`${where}: routes ${String(path.path)} to ${String(service)}, not web`);
    }
  }
  if ((spec.rules ?? []).length === 0) problems.push(`${where}: no rules`);
  return problems;
}
