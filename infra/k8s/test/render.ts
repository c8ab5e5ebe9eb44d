// Renders a kustomization into Kubernetes objects, with `kubectl kustomize` where it is installed and
// with renderKustomization (the subset of kustomize that infra/k8s uses) everywhere else. The test
// compares the two wherever kubectl exists, so the subset cannot drift from what kustomize does.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

interface Target {
  kind?: string;
  name?: string;
  labelSelector?: string;
}

interface Kustomization {
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  replicas?: { name: string; count: number }[];
  patches?: { target?: Target; patch?: string; path?: string }[];
}

type JsonPatchOp = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown };

// Kustomize and the API server read YAML 1.1 (0440 is octal there), so this does too.
function parseYaml(text: string, source: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1' }).map((document) => {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0]!.message}`);
    return document.toJS() as unknown;
  });
}

function parseObjects(text: string, source: string): K8sObject[] {
  return parseYaml(text, source).filter((value): value is K8sObject => value !== null && value !== undefined);
}

/** `kubectl kustomize <dir>`, or null where kubectl is not installed. */
export function renderWithKubectl(dir: string): K8sObject[] | null {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${result.stderr}`);
  return parseObjects(result.stdout, `kubectl kustomize ${dir}`);
}

/** Renders `dir`'s kustomization.yaml with the features infra/k8s uses; anything else is an error. */
export function renderKustomization(dir: string): K8sObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  const [kustomization] = parseYaml(readFileSync(file, 'utf8'), file) as [Kustomization & Record<string, unknown>];
  const known = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'replicas', 'patches']);
  const unsupported = Object.keys(kustomization).filter((key) => !known.has(key));
  if (unsupported.length > 0) throw new Error(`${file}: unsupported by this renderer: ${unsupported.join(', ')}`);

  const objects: K8sObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const location = path.join(dir, resource);
    if (statSync(location).isDirectory()) objects.push(...renderKustomization(location));
    else objects.push(...parseObjects(readFileSync(location, 'utf8'), location));
  }
  // kustomize's order: patches, then the namespace, images and replica counts.
  for (const entry of kustomization.patches ?? []) {
    const text = entry.path ? readFileSync(path.join(dir, entry.path), 'utf8') : (entry.patch ?? '');
    const operations = parseYaml(text, `${file} patch`)[0];
    if (!Array.isArray(operations)) throw new Error(`${file}: only JSON 6902 patches (a list of operations)`);
    const targetKeys = Object.keys(entry.target ?? {}).filter(
      (key) => !['kind', 'name', 'labelSelector'].includes(key),
    );
    if (targetKeys.length > 0) throw new Error(`${file}: unsupported patch target fields: ${targetKeys.join(', ')}`);
    const targets = objects.filter((object) => matches(object, entry.target ?? {}));
    if (targets.length === 0) throw new Error(`${file}: a patch matches nothing: ${JSON.stringify(entry.target)}`);
    for (const object of targets) applyJsonPatch(object, operations as JsonPatchOp[]);
  }
  if (kustomization.namespace) {
    for (const object of objects) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    }
  }
  for (const image of kustomization.images ?? []) {
    for (const container of objects.flatMap(containersOf)) {
      if (imageName(container.image) !== image.name) continue;
      const name = image.newName ?? image.name;
      const tag = image.newTag ?? imageTag(container.image);
      container.image = image.digest ? `${name}@${image.digest}` : tag ? `${name}:${tag}` : name;
    }
  }
  for (const { name, count } of kustomization.replicas ?? []) {
    const target = objects.find((object) => WORKLOADS.has(object.kind) && object.metadata.name === name);
    if (!target) throw new Error(`${file}: replicas for unknown workload ${name}`);
    (target.spec as Record<string, unknown>).replicas = count;
  }
  return objects;
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume', 'StorageClass']);
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

// kustomize matches a target's kind and name as whole-string regular expressions; labelSelector here
// takes equality terms only (key=value,key=value).
function matches(object: K8sObject, target: Target): boolean {
  const whole = (pattern: string | undefined, value: string) =>
    pattern === undefined || new RegExp(`^(?:${pattern})$`).test(value);
  if (!whole(target.kind, object.kind) || !whole(target.name, object.metadata.name)) return false;
  if (!target.labelSelector) return true;
  return target.labelSelector.split(',').every((term) => {
    const [key, value] = term.split('=').map((part) => part.trim());
    return object.metadata.labels?.[key!] === value;
  });
}

export interface Container {
  name: string;
  image: string;
  [field: string]: unknown;
}

/** The pod template's spec of a Deployment or Job, or undefined for other kinds. */
export function podSpecOf(object: K8sObject): Record<string, unknown> | undefined {
  if (object.kind !== 'Deployment' && object.kind !== 'Job') return undefined;
  return ((object.spec as Record<string, unknown>).template as Record<string, unknown>).spec as Record<string, unknown>;
}

export function containersOf(object: K8sObject): Container[] {
  const spec = podSpecOf(object);
  if (!spec) return [];
  return [...((spec.initContainers as Container[] | undefined) ?? []), ...((spec.containers as Container[]) ?? [])];
}

function imageName(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
}

function imageTag(image: string): string | undefined {
  const name = imageName(image);
  return image.length > name.length && image[name.length] === ':' ? image.slice(name.length + 1) : undefined;
}

/** RFC 6902 add, replace and remove, which is what the overlays use. */
export function applyJsonPatch(document: unknown, operations: JsonPatchOp[]): void {
  for (const { op, path: pointer, value } of operations) {
    const keys = pointer
      .split('/')
      .slice(1)
      .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = keys.pop();
    if (last === undefined) throw new Error(`cannot ${op} the whole document`);
    let parent = document as Record<string, unknown> | unknown[];
    for (const key of keys) {
      const child = (parent as Record<string, unknown>)[key];
      if (child === null || typeof child !== 'object') throw new Error(`${op} ${pointer}: no ${key}`);
      parent = child as Record<string, unknown> | unknown[];
    }
    const copy = structuredClone(value);
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(index) || index < 0 || index > parent.length)
        throw new Error(`${op} ${pointer}: bad index`);
      if (op !== 'add' && index >= parent.length) throw new Error(`${op} ${pointer}: no element ${index}`);
      if (op === 'add') parent.splice(index, 0, copy);
      else if (op === 'replace') parent[index] = copy;
      else parent.splice(index, 1);
    } else {
      if (op !== 'add' && !(last in parent)) throw new Error(`${op} ${pointer}: no ${last}`);
      if (op === 'remove') delete parent[last];
      else parent[last] = copy;
    }
  }
}

/** The folder of a kustomization under infra/k8s, checked to exist. */
export function k8sDir(...parts: string[]): string {
  const dir = path.resolve(fileURLToPath(new URL('..', import.meta.url)), ...parts);
  if (!existsSync(path.join(dir, 'kustomization.yaml'))) throw new Error(`no kustomization in ${dir}`);
  return dir;
}
