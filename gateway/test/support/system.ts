import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropDatabase, subgraphDatabaseUrl } from '@switchyard/prisma';
import { SUBGRAPHS, envPrefix } from '@switchyard/shared';
import type { TestBackend } from '@switchyard/shared/testing';
import { ServiceProcess, freePort } from './processes.ts';

/**
 * PGlite with the in-process event bus always; real PostgreSQL too when TEST_DATABASE_URL is set
 * (CI sets it), and then with the Redis event bus when TEST_REDIS_URL is set: the production setup.
 */
export { TEST_BACKENDS as BACKENDS, type TestBackend as Backend } from '@switchyard/shared/testing';

export interface System {
  gatewayUrl: string;
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
}

/** The system as real processes on free ports, on a fresh PGlite directory or fresh PostgreSQL databases. */
export async function startSystem(backend: TestBackend, { env: extraEnv = {}, subgraphs: needed }: SystemOptions = {}): Promise<System> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-e2e-'));
  const baseDatabaseUrl = backend === 'postgresql' ? withDatabaseName(process.env.TEST_DATABASE_URL!, `e2e_${randomUUID().slice(0, 8)}`) : null;
  const secrets = { internalSigningSecret: randomBytes(32).toString('hex'), jwtSecret: randomBytes(32).toString('hex') };
  const admin = { email: `admin-${randomUUID().slice(0, 8)}@example.test`, password: 'correct horse battery staple' };
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async ({ name }) => [name, await freePort()] as const)));
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, `http://127.0.0.1:${ports[name]}`]));
  const gatewayPort = await freePort();

  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    INTERNAL_SIGNING_SECRET: secrets.internalSigningSecret,
    JWT_SECRET: secrets.jwtSecret,
    // Hardware encrypts hub access tokens; outside embedded mode the key must be given.
    HARDWARE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    PORT: String(gatewayPort),
    GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
    ...(baseDatabaseUrl ? { DATABASE_URL: baseDatabaseUrl } : {}),
    ...(baseDatabaseUrl && process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    ...Object.fromEntries(SUBGRAPHS.flatMap(({ name }) => [
      [`${envPrefix(name)}_PORT`, String(ports[name])],
      [`${envPrefix(name)}_URL`, `${subgraphUrls[name]}/graphql`],
    ])),
    ...extraEnv,
  };
  const subgraphs = SUBGRAPHS.filter(({ name }) => !needed || needed.includes(name)).map(
    ({ name }) => new ServiceProcess(name, `subgraphs/${name}/src/index.ts`, subgraphUrls[name]!, env),
  );
  // The gateway's /ready needs every subgraph; with some left out, waiting for /health is what is possible.
  const gateway = new ServiceProcess('gateway', 'gateway/src/index.ts', `http://127.0.0.1:${gatewayPort}`, env, needed ? '/health' : '/ready');
  const services = [...subgraphs, gateway];

  const system: System = {
    gatewayUrl: `${gateway.baseUrl}/graphql`,
    env,
    subgraphUrls,
    secrets,
    admin,
    services,
    async start() {
      await Promise.all(subgraphs.map((service) => service.start()));
      await gateway.start();
    },
    async stop() {
      await Promise.all(services.map((service) => service.stop()));
    },
    async startReplica(name, overrides) {
      const entry = name === 'gateway' ? 'gateway/src/index.ts' : `subgraphs/${name}/src/index.ts`;
      const port = overrides.PORT ?? overrides[`${envPrefix(name)}_PORT`];
      const readyPath = name === 'gateway' && needed ? '/health' : '/ready';
      const replica = new ServiceProcess(`${name}-replica`, entry, `http://127.0.0.1:${port}`, { ...env, ...overrides }, readyPath);
      services.push(replica);
      await replica.start();
      return replica;
    },
    async destroy() {
      await system.stop();
      if (baseDatabaseUrl) for (const { name } of SUBGRAPHS) await dropDatabase(subgraphDatabaseUrl(baseDatabaseUrl, name));
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
