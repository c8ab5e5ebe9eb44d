import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SUBGRAPHS, envPrefix } from '@switchyard/shared';
import {
  REPO_ROOT,
  bearer,
  codeOf,
  collect,
  eventually,
  freePort,
  graphql,
  subscriptionClient,
} from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const CREATE = `mutation ($name: String!) {
  createStore(input: { name: $name, type: STANDARD, timezone: "Europe/Berlin",
    address: { line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" } }) { id version }
}`;
const RENAME =
  'mutation ($id: ID!, $v: Int!, $name: String!) { updateStore(id: $id, expectedVersion: $v, input: { name: $name }) { version } }';
// Stores' fields with the creator's email from identity: one operation over two subgraphs.
const STORES = '{ stores(first: 100) { edges { node { id name createdBy { email } } } } }';
const STORE_CHANGED = `subscription ($id: ID) {
  storeChanged(id: $id) { kind actor { user { email } } store { id name } }
}`;

/**
 * Hive Gateway (the npm package's own CLI, as a team would run it: see the plugin's `start` script) in front of the real identity
 * and stores subgraphs, with packages/hive-gateway-plugin's gateway.config.ts: every call below goes
 * through Hive, none through the project's gateway.
 */
async function startHiveGateway(system: System): Promise<{ url: string; process: ChildProcess; output: string[] }> {
  const port = await freePort();
  const output: string[] = [];
  // `npm start -w @switchyard/hive-gateway-plugin`, as the README runs it, in its own process group.
  const child = spawn(
    'npm',
    ['start', '--silent', '-w', '@switchyard/hive-gateway-plugin', '--', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        INTERNAL_SIGNING_SECRET: system.secrets.internalSigningSecret,
        JWT_SECRET: system.secrets.jwtSecret,
        // Every subgraph's URL as the project's gateway gets it (<NAME>_URL: its /graphql).
        ...Object.fromEntries(
          SUBGRAPHS.map(({ name }) => `${envPrefix(name)}_URL`).map((key) => [key, system.env[key]!]),
        ),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on('line', (line) => output.push(line));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited:\n${output.join('\n')}`);
    return (await fetch(`${url}/healthcheck`).catch(() => null))?.ok;
  }, 120_000);
  return { url: `${url}/graphql`, process: child, output };
}

describe.each(ONE_BACKEND)('Hive Gateway in front of the subgraphs, with the plugin (%s)', (backend) => {
  let system: System;
  let hive: Awaited<ReturnType<typeof startHiveGateway>>;
  let token: string;
  const gql = (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = bearer(token),
  ) => graphql(hive.url, query, variables, headers);

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity', 'stores'], env: { SEED_DEMO_DATA: 'false' } });
    hive = await startHiveGateway(system);
    // Signed in through Hive: login is a public mutation of identity.
    token = (await login(hive.url, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(async () => {
    if (hive && hive.process.exitCode === null) {
      process.kill(-hive.process.pid!, 'SIGTERM');
      await once(hive.process, 'close');
    }
    await system?.destroy();
  });

  it('runs a mutation and a query spanning stores and identity as the signed-in user', async () => {
    const created = await gql(CREATE, { name: 'Through Hive' });
    expect(created.errors).toBeUndefined();
    const id = created.data.createStore.id as string;
    const listed = await gql(STORES);
    expect(listed.errors).toBeUndefined();
    const node = listed.data.stores.edges.map((edge: { node: unknown }) => edge.node).find((n: any) => n.id === id);
    // createdBy comes from identity: the subgraphs saw the admin as the caller of both operations.
    expect(node).toEqual({ id, name: 'Through Hive', createdBy: { email: system.admin.email } });
  });

  it('delivers a subscription event caused by a mutation, with identity resolving its actor', async () => {
    const store = (await gql(CREATE, { name: 'Subscribed through Hive' })).data.createStore;
    const client = subscriptionClient(hive.url, { authorization: `Bearer ${token}` });
    const events = collect(client, STORE_CHANGED, { id: store.id });
    await client.connected;
    // Hive opens the upstream subscription once the subscribe arrives: rename until the event comes.
    let version = store.version as number;
    await eventually(async () => {
      const renamed = await gql(RENAME, { id: store.id, v: version, name: `Renamed ${version}` });
      expect(renamed.errors).toBeUndefined();
      version = renamed.data.updateStore.version;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return events.results.length > 0;
    });
    const [event] = events.results;
    expect(event.errors).toBeUndefined();
    expect(event.data.storeChanged).toMatchObject({
      actor: { user: { email: system.admin.email } },
      store: { id: store.id, name: expect.stringMatching(/^Renamed /) },
    });
    await client.dispose();
  });

  it('refuses an anonymous caller as the gateway does: the subgraph answers UNAUTHENTICATED', async () => {
    const response = await gql(STORES, {}, {});
    expect(response.data?.stores ?? null).toBeNull();
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad token with UNAUTHENTICATED and HTTP 401 before anything runs', async () => {
    const response = await gql(STORES, {}, bearer('not.a.token'));
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.data ?? null).toBeNull();
  });

  it('refuses a session on the request after its logout, as the gateway does', async () => {
    const session = await login(hive.url, system.admin.email, system.admin.password);
    const before = await gql('{ me { email } }', {}, bearer(session.accessToken));
    expect(before.data.me).toEqual({ email: system.admin.email });
    expect((await gql('mutation { logout }', {}, bearer(session.accessToken))).data).toEqual({ logout: true });
    const after = await gql('{ me { email } }', {}, bearer(session.accessToken));
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it('refuses a subscription with a bad token, and one whose client names its own subscriber', async () => {
    const bad = subscriptionClient(hive.url, { authorization: 'Bearer not.a.token' });
    const refused = collect(bad, STORE_CHANGED);
    await eventually(async () => refused.results.length > 0 || refused.error !== null);
    expect(codesOf(refused)).toContain('UNAUTHENTICATED');
    await bad.dispose();
    // An anonymous client that claims the admin in the extensions the gateway would send upstream.
    const me = (await gql('{ me { id } }')).data.me;
    const principal = { kind: 'user', userId: me.id, role: 'ADMIN', scopes: null, sessionId: null, apiKeyId: null };
    const forged = { forwarded: { principal, requestId: 'forged', clientIp: null, userAgent: null } };
    const anonymous = subscriptionClient(hive.url, {});
    const claimed = collect(anonymous, STORE_CHANGED, {}, forged);
    await eventually(async () => claimed.results.length > 0 || claimed.error !== null);
    expect(codesOf(claimed)).toContain('UNAUTHENTICATED');
    await anonymous.dispose();
  });
});

/** The codes of a subscription's errors, whether they came as a result or as the subscription's error. */
function codesOf(subscription: { results: any[]; error: unknown }): (string | undefined)[] {
  const errors = [
    ...subscription.results.flatMap((result) => result.errors ?? []),
    ...(Array.isArray(subscription.error) ? subscription.error : []),
  ];
  return errors.map((error: { extensions?: { code?: string } }) => error.extensions?.code);
}
