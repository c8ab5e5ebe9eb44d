import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { SERVICES, TOOLS, REPO_ROOT } from '@switchyard/launcher';
import { SUBGRAPHS } from '@switchyard/shared/subgraphs';
import { applicationServices, readCompose, type ComposeProject } from './compose-file.ts';

// Checked without a container engine: compose.yaml against the Compose specification's JSON schema
// (vendored from compose-spec/compose-spec, see ../schema/README.md), then the rules this project
// keeps in it.
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'infra/compose/schema/compose-spec.json'), 'utf8')) as object;

function validate(project: unknown): string[] {
  // The schema names its meta-schema by an https URL ajv does not bundle; it is plain draft-07.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  const check = ajv.compile(schema);
  return check(project) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('infra/compose.yaml', () => {
  const project = readCompose();
  const apps = applicationServices(project);

  it('validates against the Compose specification schema', () => {
    expect(validate(project)).toEqual([]);
  });

  it('the schema check can fail: an unknown key or a wrong type is refused', () => {
    const broken = structuredClone(project) as ComposeProject & { services: Record<string, unknown> };
    (broken.services.web as Record<string, unknown>).restart_policy = 'always';
    (broken.services.gateway as Record<string, unknown>).read_only = ['yes'];
    expect(validate(broken)).toEqual(
      expect.arrayContaining([expect.stringContaining('/services/web'), expect.stringContaining('/services/gateway')]),
    );
  });

  it('runs every program of ours from the one image, with the entrypoint programs as commands', () => {
    const programs = new Set([...SERVICES.map(({ name }) => name), ...TOOLS.map(({ name }) => name)]);
    expect(apps.map(([name]) => name).sort()).toEqual(
      [...SUBGRAPHS.map(({ name }) => name), 'gateway', 'web', 'migrate'].sort(),
    );
    for (const [, service] of apps) expect(programs.has(service.command![0]!)).toBe(true);
  });

  it('runs them as user 10001 on a read-only root with /tmp as the only writable place', () => {
    for (const [name, service] of apps)
      expect({ name, user: service.user, readOnly: service.read_only, tmpfs: service.tmpfs }).toEqual({
        name,
        user: '10001:10001',
        readOnly: true,
        tmpfs: ['/tmp'],
      });
  });

  it('publishes only Caddy on the network; the optional UIs listen on 127.0.0.1', () => {
    for (const [name, service] of Object.entries(project.services)) {
      const ports = service.ports ?? [];
      if (name === 'caddy') expect(ports).toEqual(['80:80', '443:443', '443:443/udp']);
      else for (const port of ports) expect(`${name} ${port}`).toMatch(new RegExp(`^${name} 127\\.0\\.0\\.1:`));
    }
  });

  it('passes every secret as a <NAME>_FILE of a secret the service mounts, each from infra/compose/secrets/', () => {
    for (const [name, service] of Object.entries(project.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (!key.endsWith('_FILE') || !String(value).startsWith('/run/secrets/')) continue;
        const secret = String(value).replace('/run/secrets/', '');
        expect({ service: name, key, mounted: service.secrets?.includes(secret) }).toEqual({
          service: name,
          key,
          mounted: true,
        });
      }
      for (const secret of service.secrets ?? []) expect(project.secrets[secret]).toBeDefined();
    }
    for (const { file } of Object.values(project.secrets)) expect(file).toMatch(/^\.\/compose\/secrets\/[a-z-]+$/);
    // Nothing secret in plain variables.
    for (const [, service] of apps)
      for (const key of Object.keys(service.environment ?? {}))
        expect(key).not.toMatch(/(SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL|REDIS_URL)$/);
  });

  it('starts subgraphs after the one-shot migrate, and everything on health', () => {
    for (const { name } of SUBGRAPHS) {
      const dependsOn = project.services[name]!.depends_on as Record<string, { condition: string }>;
      expect(dependsOn.migrate).toEqual({ condition: 'service_completed_successfully' });
      expect(dependsOn.postgres).toEqual({ condition: 'service_healthy' });
    }
    for (const [name, service] of apps.filter(([name]) => name !== 'migrate')) {
      expect(service.healthcheck?.test?.slice(0, 4)).toEqual([
        'CMD',
        '/app/infra/docker/entrypoint.sh',
        'healthcheck',
        name,
      ]);
      for (const dependency of Object.values(service.depends_on ?? {}))
        expect(['service_healthy', 'service_completed_successfully']).toContain(dependency.condition);
    }
    expect(project.services.migrate!.command).toEqual(['migrate']);
    expect(project.services.migrate!.healthcheck).toEqual({ disable: true });
  });

  it('keeps the databases on an internal network, reached only by the services that use them', () => {
    expect(project.networks.data).toEqual({ internal: true });
    expect(project.services.web!.networks).not.toContain('data');
    expect(project.services.caddy!.networks).toEqual(['edge']);
  });

  it('has the optional parts behind the observability and tools profiles', () => {
    const profiles = Object.fromEntries(
      Object.entries(project.services)
        .filter(([, service]) => service.profiles)
        .map(([name, service]) => [name, service.profiles]),
    );
    expect(profiles).toEqual({
      prometheus: ['observability'],
      grafana: ['observability'],
      loki: ['observability'],
      alloy: ['observability'],
      'otel-collector': ['observability'],
      jaeger: ['observability'],
      pgadmin: ['tools'],
      mailpit: ['tools'],
    });
  });

  it('mounts only files that exist in the repository (besides the secrets and the Docker socket)', () => {
    for (const service of Object.values(project.services))
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('./')) expect(existsSync(join(REPO_ROOT, 'infra', source))).toBe(true);
      }
  });
});
