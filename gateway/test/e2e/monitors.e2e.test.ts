import { createServer } from 'node:http';
import { bearer, eventually, graphql, listen } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { BACKENDS, startSystem, type System } from '@switchyard/testing/system';

const CREATE = `mutation ($input: MonitorInput!) { createMonitor(input: $input) { id pushUrl } }`;
const STATUS = `query ($id: ID!) { monitor(id: $id) { status { status error displayName } } }`;

describe.each(BACKENDS)('monitors through the gateway (%s)', (backend) => {
  let system: System;
  let token: string;
  let body = 'Register: Open';
  const site = createServer((_req, res) => res.end(body));
  let siteUrl: string;
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(system.gatewayUrl, query, variables, bearer(token));
  const statusOf = async (id: string) =>
    (await gql(STATUS, { id })).data?.monitor?.status?.status as string | undefined;

  beforeAll(async () => {
    siteUrl = await listen(site);
    system = await startSystem(backend, {
      subgraphs: ['identity', 'stores', 'observability'],
      env: {
        MONITORED_SERVICES: 'observability',
        CHECK_INTERVAL_MS: '500',
        MONITOR_MIN_INTERVAL_SECONDS: '1',
        MONITOR_RELOAD_MS: '500',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 300_000);
  afterAll(async () => {
    await system?.destroy();
    site.close();
  });

  it('an HTTP monitor with a keyword goes DOWN when it disappears and UP when it returns', async () => {
    const created = await gql(CREATE, {
      input: {
        name: 'Till web page',
        kind: 'HTTP',
        target: siteUrl,
        http: { keyword: 'Open' },
        intervalSeconds: 2,
        timeoutMs: 1500,
        retries: 0,
      },
    });
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createMonitor;
    await eventually(async () => (await statusOf(id)) === 'UP', 30_000);
    body = 'Register: closed';
    // On a loaded machine a check may also time out: wait for the keyword's failure itself.
    const down = await eventually(async () => {
      const status = (await gql(STATUS, { id })).data?.monitor?.status;
      return status?.error === 'keyword "Open" not found' ? status : undefined;
    }, 30_000);
    expect(down).toMatchObject({ status: 'DOWN', displayName: 'Till web page' });
    body = 'Register: Open';
    await eventually(async () => (await statusOf(id)) === 'UP', 30_000);
  });

  it('a push monitor goes DOWN without calls and UP when its URL is called, signed out, at the gateway', async () => {
    const created = await gql(CREATE, {
      input: { name: 'Cash-up job', kind: 'PUSH', intervalSeconds: 2, timeoutMs: 500, retries: 0 },
    });
    expect(created.errors).toBeUndefined();
    const { id, pushUrl } = created.data.createMonitor;
    await eventually(async () => (await statusOf(id)) === 'DOWN', 30_000);
    const gatewayBase = system.gatewayUrl.replace(/\/graphql$/, '');
    const path = new URL(pushUrl).pathname;
    // As `curl -fsS <push URL>` from a cron job: no credentials.
    const answer = await fetch(`${gatewayBase}${path}`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true });
    expect(await statusOf(id)).toBe('UP');
    const posted = await fetch(`${gatewayBase}${path}?status=down&msg=backup%20failed`, { method: 'POST', body: 'x' });
    expect(posted.status).toBe(200);
    expect((await gql(STATUS, { id })).data.monitor.status).toMatchObject({ status: 'DOWN', error: 'backup failed' });
    expect((await fetch(`${gatewayBase}/push/${'y'.repeat(32)}`)).status).toBe(404);
  });
});
