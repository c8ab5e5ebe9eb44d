import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { chromium, expect as expectPage, type Browser } from '@playwright/test';
import { REPO_ROOT, prepare } from '@switchyard/launcher';
import { freePort, startRedisServer } from '@switchyard/testing';
import { createStore, login } from '@switchyard/testing/fixtures';
import { applicationServices, interpolate, readCompose } from './compose-file.ts';
import {
  EntrypointProcess,
  healthcheck,
  isLoopback,
  listeningAddresses,
  mapHosts,
  processEnvironment,
  startOrder,
  type HostMap,
} from './compose-processes.ts';

// compose.yaml without a container engine: every service of ours runs its Compose command through
// the image's entrypoint (infra/docker/entrypoint.sh, the same bundles) with its Compose environment,
// as a local process. Secrets come from create-secrets.sh into a temporary folder, host names map to
// 127.0.0.1 and free ports, PostgreSQL is this machine's (databases and roles made by the Compose
// init script, under names of this run), Redis a private one with the secret's password. Caddy is
// replaced by direct access to the web server's origin (PUBLIC_URL). A browser then signs in there
// and sees a live update. Needs TEST_DATABASE_URL (PostgreSQL), like the other PostgreSQL suites.
const run = promisify(execFile);
const databaseServer = process.env.TEST_DATABASE_URL ? new URL(process.env.TEST_DATABASE_URL) : null;
const describeWithPostgres = databaseServer ? describe : describe.skip;
const START_TIMEOUT_MS = 180_000;
// A machine under load can fail a first start (a transaction that cannot begin in time); Compose restarts it.
const MAX_RESTARTS = 2;

describeWithPostgres('compose.yaml as local processes, through the one origin', () => {
  const project = readCompose();
  const apps = applicationServices(project);
  const work = mkdtempSync(join(tmpdir(), 'switchyard-compose-'));
  const secretsDir = join(work, 'secrets');
  // Roles are per server: names of this run, so that nothing else on the shared server is touched.
  const prefix = `compose_${randomUUID().slice(0, 8)}`;
  const processes: EntrypointProcess[] = [];
  const envs = new Map<string, Record<string, string>>();
  const ports = new Map<string, number>();
  const databases: { role: string; database: string }[] = [];
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  let browser: Browser | undefined;
  let origin: string;
  const secret = (name: string) => readFileSync(join(secretsDir, name), 'utf8').trim();
  const admin = () => ({
    email: interpolate(String(project.services.identity!.environment!.ADMIN_EMAIL), {}),
    password: secret('admin-password'),
  });

  beforeAll(async () => {
    await prepare({ web: true });
    await run('sh', [join(REPO_ROOT, 'infra/compose/create-secrets.sh'), secretsDir]);

    const hosts: HostMap = new Map([['postgres:5432', databaseServer!.host]]);
    for (const [name, service] of apps) {
      const portVariable = Object.keys(service.environment ?? {}).find((key) => /^(|[A-Z]+_)PORT$/.test(key));
      if (!portVariable) continue;
      ports.set(name, await freePort());
      hosts.set(`${name}:${service.environment![portVariable]}`, `127.0.0.1:${ports.get(name)}`);
    }
    redis = await startRedisServer({ password: new URL(secret('redis-url')).password });
    hosts.set('redis:6379', `127.0.0.1:${redis.port}`);
    for (const [name] of apps.filter(
      ([name]) => project.services.migrate!.environment![`${name.toUpperCase()}_DATABASE_URL_FILE`],
    )) {
      const file = join(secretsDir, `${name}-database-url`);
      const url = new URL(readFileSync(file, 'utf8').trim());
      url.username = `${prefix}_${name}`;
      url.pathname = `/${prefix}_${name}`;
      databases.push({ role: url.username, database: url.pathname.slice(1) });
      writeFileSync(file, `${url}\n`);
    }
    await run('sh', [join(REPO_ROOT, 'infra/compose/postgres/create-databases.sh')], {
      env: {
        PATH: process.env.PATH,
        SECRETS_DIR: secretsDir,
        PGHOST: databaseServer!.hostname,
        PGPORT: databaseServer!.port || '5432',
        POSTGRES_USER: decodeURIComponent(databaseServer!.username),
        POSTGRES_DB: databaseServer!.pathname.slice(1) || 'postgres',
      },
    });
    for (const name of readdirSync(secretsDir))
      writeFileSync(join(secretsDir, name), `${mapHosts(secret(name), hosts)}\n`);

    origin = `http://127.0.0.1:${ports.get('web')}`;
    for (const [name, service] of apps) {
      const env = processEnvironment(service, {
        operatorEnv: { PUBLIC_URL: origin },
        secretsDir,
        dataDir: join(work, `data-${name}`),
        hosts,
      });
      for (const variable of Object.keys(env))
        if (/^(|[A-Z]+_)PORT$/.test(variable) && ports.has(name)) env[variable] = String(ports.get(name));
      // In containers each service binds 0.0.0.0 inside its own network namespace; here all share this
      // machine's, so only the web server (what Caddy reaches) keeps it and the rest bind loopback.
      if (name !== 'web') env.HOST = '127.0.0.1';
      envs.set(name, env);
    }

    const names = apps.map(([name]) => name);
    for (const stage of startOrder(project, names)) await Promise.all(stage.map(untilUp));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
  }, START_TIMEOUT_MS + 120_000);

  /**
   * Starts a service and waits as Compose does: a one-shot until it exits 0, a service until its
   * healthcheck passes. A service that exits meanwhile is started again, as its restart policy
   * (unless-stopped) has Compose do; each restart is reported.
   */
  async function untilUp(name: string): Promise<void> {
    const service = project.services[name]!;
    const start = () => {
      const program = new EntrypointProcess(name, service.command!, envs.get(name)!);
      processes.push(program);
      return program;
    };
    let program = start();
    if (!service.healthcheck?.test) {
      const code = await program.exited;
      if (code !== 0) throw new Error(`${name} exited with ${code}:\n${program.logs()}`);
      return;
    }
    const deadline = Date.now() + START_TIMEOUT_MS;
    let restarts = 0;
    while (Date.now() < deadline) {
      if (program.child.exitCode !== null) {
        if (service.restart !== 'unless-stopped' || ++restarts > MAX_RESTARTS)
          throw new Error(`${name} exited:\n${program.logs()}`);
        console.warn(`${name} exited while starting; restarted as Compose would:\n${program.logs().slice(-2_000)}`);
        processes.splice(processes.indexOf(program), 1);
        program = start();
      }
      if (await healthcheck(service, program.env)) return;
      await sleep(500);
    }
    throw new Error(`${name} not healthy within ${START_TIMEOUT_MS} ms:\n${program.logs()}`);
  }

  afterAll(async () => {
    await browser?.close();
    await Promise.all(processes.map((program) => program.stop()));
    await redis?.kill();
    for (const { role, database } of databases) {
      const psql = ['-h', databaseServer!.hostname, '-p', databaseServer!.port || '5432', '-U', 'postgres'];
      await run('psql', [...psql, '-c', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`]).catch(() => {});
      await run('psql', [...psql, '-c', `DROP ROLE IF EXISTS "${role}"`]).catch(() => {});
    }
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('ran the one-shot migrate and started every service on its Compose environment alone', () => {
    expect(processes.map((program) => program.name).sort()).toEqual(apps.map(([name]) => name).sort());
    expect(processes.find((program) => program.name === 'migrate')!.logs()).toMatch(/migration\(s\) applied/);
    for (const program of processes.filter((program) => program.name !== 'migrate'))
      expect(`${program.name} ${program.child.exitCode}`).toBe(`${program.name} null`);
  });

  it('listens beyond loopback only on the web origin’s port', () => {
    const pids = processes.filter((p) => p.child.exitCode === null).map((p) => p.child.pid!);
    const listening = listeningAddresses(pids);
    for (const port of ports.values()) expect(listening.some((address) => address.endsWith(`:${port}`))).toBe(true);
    const exposed = listening.filter((address) => !isLoopback(address.replace(/:\d+$/, '')));
    expect(exposed.map((address) => Number(address.split(':').at(-1)))).toEqual([ports.get('web')]);
  });

  it('forwards hub event posts on the one origin to hardware (its answer to an unknown hub)', async () => {
    const response = await fetch(`${origin}/hubitat/events/00000000-0000-4000-8000-000000000000/not-a-secret`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: { name: 'switch', value: 'on', deviceId: '1' } }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unknown hub or wrong secret' });
  });

  it('signs in through the one origin in Chromium and shows a live update, with no other origin contacted', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const contacted = new Set<string>();
    page.on('request', (request) => contacted.add(new URL(request.url()).origin));
    page.on('websocket', (socket) => contacted.add(new URL(socket.url()).origin.replace(/^ws/, 'http')));

    // The first page renders on the server through the gateway: give a loaded machine time.
    await page.goto(origin, { timeout: 60_000 });
    await expectPage(page).toHaveURL(/\/login/, { timeout: 30_000 });
    await page.getByLabel('Email').fill(admin().email);
    await page.getByLabel('Password').fill(admin().password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPage(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 });
    await expectPage(page.getByTestId('connection')).toHaveText('Live', { timeout: 30_000 });

    // A change made through the same origin's /graphql reaches the open dashboard over its websocket.
    const { accessToken } = await login(`${origin}/graphql`, admin().email, admin().password);
    const store = await createStore(`${origin}/graphql`, accessToken, { name: `Compose ${randomUUID().slice(0, 6)}` });
    await expectPage(page.getByTestId('activity')).toContainText(store.name, { timeout: 60_000 });
    await context.close();
    expect([...contacted]).toEqual([origin]);
  });
});
