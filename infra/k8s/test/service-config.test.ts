// Each pod's environment, as Kubernetes would give it (the ConfigMap, its variables, the secret files
// it mounts), parsed by its service's own config schema: the manifests name no variable a service
// ignores, and leave out none it needs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig, type Env } from '@switchyard/shared/config';
import type { z } from 'zod';
import { gatewayEnv, gatewayEnvSchema } from '../../../gateway/src/config.ts';
import { hardwareEnv, hardwareEnvSchema } from '../../../subgraphs/hardware/src/config.ts';
import { identityEnv, identityEnvSchema } from '../../../subgraphs/identity/src/config.ts';
import { mealsEnv, mealsEnvSchema } from '../../../subgraphs/meals/src/config.ts';
import { observabilityEnv, observabilityEnvSchema } from '../../../subgraphs/observability/src/config.ts';
import { storesEnv, storesEnvSchema } from '../../../subgraphs/stores/src/config.ts';
import { webEnv, webEnvSchema } from '../../../web/server/config.ts';
import { SUBGRAPH_NAMES } from './policies.ts';
import { containersOf, k8sDir, podSpecOf, renderKustomization, type K8sObject } from './render.ts';

const SERVICES: Record<string, { variables: z.ZodObject; schema: z.ZodType }> = {
  identity: { variables: identityEnv, schema: identityEnvSchema },
  stores: { variables: storesEnv, schema: storesEnvSchema },
  hardware: { variables: hardwareEnv, schema: hardwareEnvSchema },
  meals: { variables: mealsEnv, schema: mealsEnvSchema },
  observability: { variables: observabilityEnv, schema: observabilityEnvSchema },
  gateway: { variables: gatewayEnv, schema: gatewayEnvSchema },
  web: { variables: webEnv, schema: webEnvSchema },
};

// Made-up values of the right shape for each key of switchyard-secrets.
function fakeSecret(key: string): string {
  if (key.endsWith('-database-url')) return `postgresql://${key.split('-')[0]}:pw@db.internal:5432/app`;
  if (key === 'redis-url') return 'redis://:pw@redis.internal:6379';
  if (key === 'admin-email') return 'admin@example.com';
  return 'a'.repeat(64);
}

let secretsDir: string;
beforeAll(() => {
  secretsDir = mkdtempSync(path.join(tmpdir(), 'switchyard-secrets-'));
});
afterAll(() => rmSync(secretsDir, { recursive: true, force: true }));

/** The environment of the pod's first container, with the secret volume's files written to disk. */
function podEnvironment(objects: K8sObject[], workload: K8sObject): Env {
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'switchyard-config')!;
  const container = containersOf(workload)[0]!;
  const dir = path.join(secretsDir, workload.metadata.name);
  mkdirSync(dir, { recursive: true });
  const volumes = (podSpecOf(workload)!.volumes as { secret?: { items: { key: string; path: string }[] } }[]) ?? [];
  for (const { key, path: file } of volumes.flatMap((volume) => volume.secret?.items ?? []))
    writeFileSync(path.join(dir, file), `${fakeSecret(key)}\n`);
  const env: Env = { ...(configMap.data as Record<string, string>) };
  for (const { name, value } of (container.env as { name: string; value: string }[] | undefined) ?? [])
    env[name] = value.replace(/^\/run\/secrets\//, `${dir}/`);
  return env;
}

describe.each(['dev', 'prod'])('overlay %s', (overlay) => {
  const objects = renderKustomization(k8sDir('overlays', overlay));
  const deployment = (name: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!;

  test.each(Object.keys(SERVICES))('%s gets a complete, valid configuration and reads every secret file', (name) => {
    const { variables, schema } = SERVICES[name]!;
    const env = podEnvironment(objects, deployment(name));
    const ignored = Object.keys(env)
      .filter((key) => key.endsWith('_FILE'))
      .filter((key) => !(key.slice(0, -'_FILE'.length) in variables.shape));
    expect(ignored).toEqual([]);
    const config = parseConfig(schema, env) as Record<string, unknown>;
    if (SUBGRAPH_NAMES.includes(name)) {
      expect((config.database as { url?: string }).url).toMatch(/^postgresql:\/\/[a-z]+:pw@db\.internal/);
      expect((config.database as { url?: string }).url).toContain(`${name}:pw`);
      expect(config.redisUrl).toBe('redis://:pw@redis.internal:6379');
      expect(config.http).toEqual({ host: '0.0.0.0', port: expect.any(Number) });
    }
    if (name === 'gateway') {
      expect(config.redisUrl).toBeDefined();
      expect(config.http).toMatchObject({ edgeSigningSecret: 'a'.repeat(64) });
    }
    if (name === 'web') expect(config.edgeSigningSecret).toBe('a'.repeat(64));
  });

  test('a misspelt secret variable is caught', () => {
    const gateway = structuredClone(deployment('gateway'));
    const env = containersOf(gateway)[0]!.env as { name: string }[];
    env.find((variable) => variable.name === 'JWT_SECRET_FILE')!.name = 'JWT_SECRETS_FILE';
    const podEnv = podEnvironment(objects, gateway);
    expect(
      Object.keys(podEnv).filter((key) => key.endsWith('_FILE') && !(key.slice(0, -5) in gatewayEnv.shape)),
    ).toEqual(['JWT_SECRETS_FILE']);
    expect(() => parseConfig(gatewayEnvSchema, podEnv)).toThrow(/JWT_SECRET/);
  });

  test('hubs are given the public origin, and the first admin is created', () => {
    const hardware = parseConfig(hardwareEnvSchema, podEnvironment(objects, deployment('hardware')));
    const web = parseConfig(webEnvSchema, podEnvironment(objects, deployment('web')));
    expect(hardware.publicUrl).toBe(web.origin);
    expect(hardware.publicUrl).toMatch(/^https:\/\//);
    const identity = parseConfig(identityEnvSchema, podEnvironment(objects, deployment('identity')));
    expect(identity.bootstrapAdmin).toEqual({ email: 'admin@example.com', password: 'a'.repeat(64) });
  });

  test('the migration Job gets every subgraph database URL as a file', () => {
    const job = objects.find((o) => o.kind === 'Job' && o.metadata.name === 'switchyard-migrate')!;
    const env = podEnvironment(objects, job);
    for (const subgraph of SUBGRAPH_NAMES)
      expect(env[`${subgraph.toUpperCase()}_DATABASE_URL_FILE`]).toBe(
        path.join(secretsDir, 'switchyard-migrate', `${subgraph}-database-url`),
      );
  });
});
