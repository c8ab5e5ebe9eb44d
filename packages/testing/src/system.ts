import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICES, ServiceProcess, planSystem, prepare, service, type ServiceDefinition } from '@switchyard/launcher';
import { dropDatabase, subgraphDatabaseUrl } from '@switchyard/prisma';
import { SUBGRAPHS } from '@switchyard/shared';
import type { TestBackend } from './start-subgraph.ts';
import { freePort } from './processes.ts';

/**
 * PGlite with the in-process event bus always; real PostgreSQL too when TEST_DATABASE_URL is set
 * (CI sets it), and then with the Redis event bus when TEST_REDIS_URL is set: the production setup.
 */
export { TEST_BACKENDS as BACKENDS, ONE_BACKEND, type TestBackend as Backend } from './start-subgraph.ts';

export interface System {
  gatewayUrl: string;
  /** The web app's URL, when started with `web: true`. */
  webUrl: string | null;
  /** The environment every process got; start replicas with it. */
  env: Record<string, string>;
  subgraphUrls: Record<string, string>;
  secrets: { internalSigningSecret: string; jwtSecret: string };
  admin: { email: string; password: string };
  services: ServiceProcess[];
  /** Stops every process, keeping the data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Starts another process of a service (a replica) with `overrides`; destroy() stops it too. */
  startReplica(name: string, overrides: Record<string, string>): Promise<ServiceProcess>;
  /** Stops and deletes the databases. */
  destroy(): Promise<void>;
}

export interface SystemOptions {
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** The subgraphs this suite needs (default: all); the gateway serves the whole supergraph either way. */
  subgraphs?: string[];
  /** Also start the web app in front of the gateway (built first if its sources changed). */
  web?: boolean;
}

/**
 * The system as real processes on free ports, on a fresh PGlite directory or fresh PostgreSQL
 * databases: the launcher's services, environment and readiness, with the suite's own settings.
 */
export async function startSystem(
  backend: TestBackend,
  { env: extraEnv = {}, subgraphs: needed, web = false }: SystemOptions = {},
): Promise<System> {
  const planned: ServiceDefinition[] = SERVICES.filter(({ name }) => name !== 'simulator' && (web || name !== 'web'));
  await prepare({ web, pgliteTemplate: backend === 'pglite' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-e2e-'));
  const baseDatabaseUrl =
    backend === 'postgresql'
      ? withDatabaseName(process.env.TEST_DATABASE_URL!, `e2e_${randomUUID().slice(0, 8)}`)
      : null;
  const secrets = {
    internalSigningSecret: randomBytes(32).toString('hex'),
    jwtSecret: randomBytes(32).toString('hex'),
  };
  const admin = { email: `admin-${randomUUID().slice(0, 8)}@example.test`, password: 'correct horse battery staple' };
  const ports = await Promise.all(planned.map(async ({ portVariable }) => [portVariable, String(await freePort())]));
  const plan = planSystem(
    {
      PATH: process.env.PATH ?? '',
      // As deployed: libraries (graphql-ws close reasons, Apollo, Express) read NODE_ENV themselves.
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      INTERNAL_SIGNING_SECRET: secrets.internalSigningSecret,
      JWT_SECRET: secrets.jwtSecret,
      // Hardware encrypts hub access tokens; outside embedded mode the key must be given.
      HARDWARE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ...(baseDatabaseUrl ? { DATABASE_URL: baseDatabaseUrl } : {}),
      ...(baseDatabaseUrl && process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
      ...Object.fromEntries(ports),
      ...extraEnv,
    },
    planned,
  );
  const env = plan.env as Record<string, string>;
  // Hubs post to the web origin (PUBLIC_URL's default); a suite without the web server has them post
  // to hardware itself, the address the web server would forward to.
  if (!web && !env.PUBLIC_URL) env.PUBLIC_URL = plan.urls.hardware!;
  // The gateway's /ready needs every subgraph; with some left out, waiting for /health is what is possible.
  const gatewayReadyPath = needed ? '/health' : '/ready';
  const processOf = (definition: ServiceDefinition) =>
    new ServiceProcess(definition, env, {
      baseUrl: plan.urls[definition.name]!,
      ...(definition.name === 'gateway' ? { readyPath: gatewayReadyPath } : {}),
    });
  const subgraphs = SUBGRAPHS.filter(({ name }) => !needed || needed.includes(name)).map(({ name }) =>
    processOf(service(name)),
  );
  const gateway = processOf(service('gateway'));
  const webApp = web ? processOf(service('web')) : null;
  const services = [...subgraphs, gateway, ...(webApp ? [webApp] : [])];

  const system: System = {
    gatewayUrl: `${gateway.baseUrl}/graphql`,
    webUrl: webApp?.baseUrl ?? null,
    env,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, plan.urls[name]!])),
    secrets,
    admin,
    services,
    async start() {
      await Promise.all(subgraphs.map((subgraph) => subgraph.start()));
      await gateway.start();
      await webApp?.start();
    },
    async stop() {
      await Promise.all(services.map((process) => process.stop()));
    },
    async startReplica(name, overrides) {
      const definition = service(name);
      const replica = new ServiceProcess(
        definition,
        { ...env, ...overrides },
        {
          name: `${name}-replica`,
          baseUrl: `http://127.0.0.1:${overrides[definition.portVariable]}`,
          ...(name === 'gateway' ? { readyPath: gatewayReadyPath } : {}),
        },
      );
      services.push(replica);
      await replica.start();
      return replica;
    },
    async destroy() {
      await system.stop();
      if (baseDatabaseUrl)
        for (const { name } of SUBGRAPHS) await dropDatabase(subgraphDatabaseUrl(baseDatabaseUrl, name));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await system.start();
  } catch (error) {
    await system.destroy();
    throw error;
  }
  return system;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
