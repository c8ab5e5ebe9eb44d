import { bearer, eventually, graphql, startWebhookReceiver } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';
import { verifyWebhook } from '../../../subgraphs/observability/src/domain/webhook-signature.ts';

const SECRET = 'e2e-channel-signing-secret';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Channels managed through the gateway: a Slack-style receiver and a signed webhook receiver get
 * one grouped message per transition when three rules fire on one service together.
 */
describe.each(ONE_BACKEND)('notification channels through the gateway (%s)', (backend) => {
  let system: System;
  let token: string;
  let slack: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphql(system.gatewayUrl, query, variables, bearer(token));
    expect(response.errors).toBeUndefined();
    return response.data;
  };

  beforeAll(async () => {
    [slack, hook] = await Promise.all([startWebhookReceiver(), startWebhookReceiver()]);
    system = await startSystem(backend, {
      subgraphs: ['identity', 'meals', 'observability'],
      env: {
        SEED_DEMO_DATA: 'false',
        MONITORED_SERVICES: 'meals',
        CHECK_INTERVAL_MS: '1000',
        CHECK_STARTUP_GRACE_MS: '300000',
        ALERT_GROUP_WAIT_SECONDS: '3',
        WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
    // Starting four processes on a busy two-core machine can take longer than the default hook timeout.
  }, 400_000);
  afterAll(async () => {
    await system?.destroy();
    await Promise.all([slack?.close(), hook?.close()]);
  });

  it('sends one grouped notification per channel and transition when three alerts of one service fire and resolve', async () => {
    const create = 'mutation ($input: NotificationChannelInput!) { createNotificationChannel(input: $input) { id } }';
    const chat = (await gql(create, { input: { name: 'Chat', kind: 'SLACK', url: slack.url } }))
      .createNotificationChannel;
    const signed = (await gql(create, { input: { name: 'Hook', kind: 'WEBHOOK', url: hook.url, secret: SECRET } }))
      .createNotificationChannel;
    const tested = await gql('mutation ($id: ID!) { sendTestNotification(id: $id) { ok httpStatus } }', {
      id: chat.id,
    });
    expect(tested.sendTestNotification).toEqual({ ok: true, httpStatus: 200 });
    slack.received.length = 0;

    // Only this test's rules: the defaults (a minute of downtime) stay out of it.
    for (const rule of (await gql('{ alertRules { id } }')).alertRules)
      await gql('mutation ($id: ID!) { updateAlertRule(id: $id, input: { enabled: false }) { id } }', { id: rule.id });
    for (const name of ['meals down', 'meals down (pager)', 'meals down (log)'])
      await gql('mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }', {
        input: {
          name,
          kind: 'SERVICE_DOWN',
          target: 'meals',
          consecutiveChecks: 1,
          channelIds: [chat.id, signed.id],
        },
      });
    await eventually(
      async () =>
        (await gql('{ services { name status } }')).services.some((s: any) => s.name === 'meals' && s.status === 'UP'),
      60_000,
    );

    const meals = system.services.find((s) => s.name === 'meals')!;
    await meals.stop();
    await eventually(async () => slack.received.length > 0 && hook.received.length > 0, 60_000);
    const firing = JSON.parse(slack.received[0]!.body);
    expect(firing.text).toMatch(/^\[FIRING\] 3 alerts on meals\n/);
    const body = JSON.parse(hook.received[0]!.body);
    expect(body).toMatchObject({ transition: 'FIRING', group: { key: 'subject:meals', count: 3 } });
    const request = hook.received[0]!;
    expect(
      verifyWebhook(
        SECRET,
        Number(request.headers['x-switchyard-timestamp']),
        request.body,
        String(request.headers['x-switchyard-signature']),
      ),
    ).toBe(true);

    await meals.start();
    await eventually(
      async () =>
        slack.received.some((r) => JSON.parse(r.body).text.startsWith('[RESOLVED]')) && hook.received.length > 1,
      60_000,
    );
    // Anything sent twice would have arrived by now.
    await sleep(5_000);
    expect(slack.received.map((r) => JSON.parse(r.body).text.split('\n')[0])).toEqual([
      '[FIRING] 3 alerts on meals',
      '[RESOLVED] 3 alerts on meals',
    ]);
    expect(hook.received.map((r) => [JSON.parse(r.body).transition, JSON.parse(r.body).alerts.length])).toEqual([
      ['FIRING', 3],
      ['RESOLVED', 3],
    ]);
  });
});
