import { createServer } from 'node:http';
import { bearer, eventually, graphql, listen, startWebhookReceiver } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const CREATE = `mutation ($input: MonitorInput!) { createMonitor(input: $input) { id pushUrl } }`;
const STATUS = `query ($id: ID!) { monitor(id: $id) { status { status error displayName } } }`;

describe.each(ONE_BACKEND)('monitors through the gateway (%s)', (backend) => {
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
        ALERT_GROUP_WAIT_SECONDS: '3',
        // The notification receivers listen on loopback, as a LAN receiver would.
        WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
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

  it('three monitors of one store failing together are one notification per channel and transition', async () => {
    const [slack, hook] = await Promise.all([startWebhookReceiver(), startWebhookReceiver()]);
    try {
      const channel = async (input: Record<string, unknown>) => {
        const created = await gql(
          'mutation ($input: NotificationChannelInput!) { createNotificationChannel(input: $input) { id } }',
          { input },
        );
        expect(created.errors).toBeUndefined();
        return created.data.createNotificationChannel.id as string;
      };
      const channelIds = [
        await channel({ name: 'Shop chat', kind: 'SLACK', url: slack.url }),
        await channel({ name: 'Shop hook', kind: 'WEBHOOK', url: hook.url, secret: 'e2e-monitor-alerts' }),
      ];
      // Only this test's monitors (the push monitor above is DOWN) and this rule (the defaults wait minutes).
      for (const monitor of (await gql('{ monitors { id } }')).data.monitors)
        await gql('mutation ($id: ID!) { deleteMonitor(id: $id) }', { id: monitor.id });
      for (const rule of (await gql('{ alertRules { id } }')).data.alertRules)
        await gql('mutation ($id: ID!) { updateAlertRule(id: $id, input: { enabled: false }) { id } }', {
          id: rule.id,
        });
      const rule = await gql('mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }', {
        input: { name: 'Shop monitor down', kind: 'SERVICE_DOWN', consecutiveChecks: 1, channelIds },
      });
      expect(rule.errors).toBeUndefined();

      let shopBody = 'Hamburg till: ready';
      const shop = createServer((_req, res) => res.end(shopBody));
      const shopUrl = await listen(shop);
      try {
        const ids: string[] = [];
        for (const name of ['Till 1', 'Till 2', 'Card terminal']) {
          const created = await gql(CREATE, {
            input: {
              name,
              kind: 'HTTP',
              storeId: 'store-hamburg',
              target: `${shopUrl}/${encodeURIComponent(name)}`,
              http: { keyword: 'ready' },
              intervalSeconds: 2,
              timeoutMs: 1500,
              retries: 0,
            },
          });
          expect(created.errors).toBeUndefined();
          ids.push(created.data.createMonitor.id);
        }
        for (const id of ids) await eventually(async () => (await statusOf(id)) === 'UP', 30_000);

        shopBody = 'Hamburg till: offline';
        await eventually(async () => slack.received.length > 0 && hook.received.length > 0, 60_000);
        const firing = JSON.parse(slack.received[0]!.body).text as string;
        expect(firing.split('\n')[0]).toMatch(/^\[FIRING\] 3 alerts at store /);
        for (const name of ['Till 1', 'Till 2', 'Card terminal']) expect(firing).toContain(name);
        expect(JSON.parse(hook.received[0]!.body)).toMatchObject({
          transition: 'FIRING',
          group: { key: 'store:store-hamburg', count: 3 },
        });

        shopBody = 'Hamburg till: ready';
        await eventually(async () => slack.received.length > 1 && hook.received.length > 1, 60_000);
        // A notification sent twice would have arrived by now.
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        expect(slack.received.map((r) => JSON.parse(r.body).text.split('\n')[0])).toEqual([
          expect.stringMatching(/^\[FIRING\] 3 alerts at store /),
          expect.stringMatching(/^\[RESOLVED\] 3 alerts at store /),
        ]);
        expect(hook.received.map((r) => [JSON.parse(r.body).transition, JSON.parse(r.body).alerts.length])).toEqual([
          ['FIRING', 3],
          ['RESOLVED', 3],
        ]);
      } finally {
        shop.close();
      }
    } finally {
      await Promise.all([slack.close(), hook.close()]);
    }
  });
});
