import { TEST_BACKENDS, codeOf, eventually, startWebhookReceiver, userPrincipal } from '@switchyard/testing';
import { verifyWebhook } from '../src/domain/webhook-signature.ts';
import { createNotifier } from '../src/jobs/notifier.ts';
import { startFakeServices, startObservability } from './support.ts';

const SECRET = 's'.repeat(32);
const admin = userPrincipal('ADMIN');
const CHANNEL = 'id name kind target hasSecret enabled lastTest { ok httpStatus error }';
const CREATE = `mutation ($input: NotificationChannelInput!) { createNotificationChannel(input: $input) { ${CHANNEL} } }`;
const CHANNELS = `{ notificationChannels { ${CHANNEL} } }`;
const TEST = 'mutation ($id: ID!) { sendTestNotification(id: $id) { ok httpStatus error } }';
const CREATE_RULE = `mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) {
  id channels { id } repeatIntervalSeconds } }`;
const fieldOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.field;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(TEST_BACKENDS)('notification channels (%s)', (backend) => {
  it('imports the env channels once, keeps secrets sealed, checks input per kind, sends tests', async () => {
    const fakes = await startFakeServices();
    const envHook = await startWebhookReceiver();
    const slack = await startWebhookReceiver([200, 500]);
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      ALERT_WEBHOOK_URLS: envHook.url,
      ALERT_WEBHOOK_SECRET: SECRET,
      WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
    });
    try {
      observability.startJobs();
      const imported = await eventually(
        async () => (await observability.call(admin, CHANNELS)).data?.notificationChannels[0],
      );
      expect(imported).toMatchObject({ name: 'Webhook (ALERT_WEBHOOK_URLS)', kind: 'WEBHOOK', target: envHook.url });
      expect(imported.hasSecret).toBe(true);
      const [row] = await observability.db.$queryRawUnsafe<{ secret: string }[]>(
        `SELECT "secret" FROM "NotificationChannel" WHERE "id" = $1::uuid`,
        imported.id,
      );
      expect(row!.secret).toMatch(/^v1\./);
      expect(row!.secret).not.toContain(SECRET);

      // Deleted by an admin, it does not come back at the next start (the import is a setup step).
      await observability.call(admin, 'mutation ($id: ID!) { deleteNotificationChannel(id: $id) }', {
        id: imported.id,
      });
      const again = createNotifier({
        notifications: { claimDue: async () => [], recordAttempt: async () => undefined },
        channels: observability.services.channels,
        logger: observability.logger,
        dataDir: '/tmp',
        webhookUrls: [envHook.url],
        webhookSecret: SECRET,
        emailTo: ['ops@example.test'],
        emailFrom: 'x@example.test',
        smtpUrl: null,
        maxAttempts: 1,
        retryBaseMs: 100,
        timeoutMs: 1000,
        groupWaitMs: 0,
        allowPrivate: () => false,
      });
      expect(await again.enabledChannels()).toEqual([]);
      await again.stop();

      const noUrl = await observability.call(admin, CREATE, { input: { name: 'chat', kind: 'SLACK' } });
      expect([codeOf(noUrl), fieldOf(noUrl)]).toEqual(['BAD_USER_INPUT', 'input.url']);
      const badUrl = await observability.call(admin, CREATE, {
        input: { name: 'chat', kind: 'SLACK', url: 'ftp://example.com/x' },
      });
      expect([codeOf(badUrl), fieldOf(badUrl)]).toEqual(['BAD_USER_INPUT', 'input.url']);
      const metadata = await observability.call(admin, CREATE, {
        input: { name: 'chat', kind: 'NTFY', url: 'http://169.254.169.254/topic' },
      });
      expect([codeOf(metadata), fieldOf(metadata)]).toEqual(['BAD_USER_INPUT', 'input.url']);
      const weak = await observability.call(admin, CREATE, {
        input: { name: 'hook', kind: 'WEBHOOK', url: envHook.url, secret: 'short' },
      });
      expect([codeOf(weak), fieldOf(weak)]).toEqual(['BAD_USER_INPUT', 'input.secret']);
      const noTo = await observability.call(admin, CREATE, { input: { name: 'mail', kind: 'EMAIL' } });
      expect([codeOf(noTo), fieldOf(noTo)]).toEqual(['BAD_USER_INPUT', 'input.emailTo']);

      const created = await observability.call(admin, CREATE, {
        input: { name: 'chat', kind: 'SLACK', url: slack.url },
      });
      expect(created.errors).toBeUndefined();
      const chat = created.data!.createNotificationChannel;
      const taken = await observability.call(admin, CREATE, { input: { name: 'chat', kind: 'SLACK', url: slack.url } });
      expect(codeOf(taken)).toBe('CONFLICT');

      const ok = await observability.call(admin, TEST, { id: chat.id });
      expect(ok.data!.sendTestNotification).toEqual({ ok: true, httpStatus: 200, error: null });
      expect(JSON.parse(slack.received[0]!.body).text).toContain('Test notification to chat');
      const failed = await observability.call(admin, TEST, { id: chat.id });
      expect(failed.errors).toBeUndefined();
      expect(failed.data!.sendTestNotification).toMatchObject({ ok: false, httpStatus: 500 });
      const listed = (await observability.call(admin, CHANNELS)).data!.notificationChannels;
      expect(listed.find((c: { id: string }) => c.id === chat.id).lastTest).toMatchObject({
        ok: false,
        httpStatus: 500,
      });
    } finally {
      await observability.stop();
      await Promise.all([fakes.close(), envHook.close(), slack.close()]);
    }
  });

  it('routes to the rule channels only, groups a store alerts into one message per channel, repeats until acknowledged', async () => {
    const fakes = await startFakeServices();
    const [chat, hook, other] = await Promise.all([
      startWebhookReceiver(),
      startWebhookReceiver(),
      startWebhookReceiver(),
    ]);
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      ALERT_GROUP_WAIT_SECONDS: '3',
      WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
    });
    try {
      const ids = [];
      for (const input of [
        { name: 'chat', kind: 'SLACK', url: chat.url },
        { name: 'hook', kind: 'WEBHOOK', url: hook.url, secret: SECRET },
        { name: 'other', kind: 'SLACK', url: other.url },
      ]) {
        const created = await observability.call(admin, CREATE, { input });
        expect(created.errors).toBeUndefined();
        ids.push(created.data!.createNotificationChannel.id);
      }
      const rule = await observability.call(admin, CREATE_RULE, {
        input: { name: 'hub offline', kind: 'HUB_OFFLINE', channelIds: [ids[0], ids[1]], repeatIntervalSeconds: 60 },
      });
      expect(rule.errors).toBeUndefined();
      expect(rule.data!.createAlertRule.channels.map((c: { id: string }) => c.id).sort()).toEqual(
        [ids[0], ids[1]].sort(),
      );
      const unknown = await observability.call(admin, CREATE_RULE, {
        input: { name: 'x', kind: 'HUB_OFFLINE', channelIds: ['00000000-0000-4000-8000-000000000000'] },
      });
      expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'input.channelIds']);
      // Reminders every four seconds for this test (the API's minimum is a minute).
      await observability.db.alertRule.update({
        where: { id: rule.data!.createAlertRule.id },
        data: { repeatIntervalSeconds: 4 },
      });
      // Three hubs of one store go offline together, a fourth of another store later.
      const now = new Date();
      await observability.db.hub.createMany({
        data: ['h1', 'h2', 'h3'].map((id) => ({ id, storeId: 'store-1', status: 'OFFLINE', changedAt: now })),
      });
      observability.startJobs();

      await eventually(async () => chat.received.length >= 1 && hook.received.length >= 1);
      await sleep(1_500);
      const grouped = JSON.parse(chat.received[0]!.body);
      expect(grouped.text).toMatch(/^\[FIRING\] 3 alerts at store store-1/);
      const signed = hook.received[0]!;
      const body = JSON.parse(signed.body);
      expect(body).toMatchObject({ transition: 'FIRING', repeat: false, group: { key: 'store:store-1', count: 3 } });
      expect(body.alerts.map((a: { subject: string }) => a.subject).sort()).toEqual(['h1', 'h2', 'h3']);
      expect(
        verifyWebhook(
          SECRET,
          Number(signed.headers['x-switchyard-timestamp']),
          signed.body,
          String(signed.headers['x-switchyard-signature']),
        ),
      ).toBe(true);
      expect(other.received).toEqual([]);

      // Still firing: reminders, marked as such, until someone acknowledges the alerts.
      const reminder = await eventually(async () =>
        hook.received.map((r) => JSON.parse(r.body)).find((b) => b.repeat === true),
      );
      expect(reminder).toMatchObject({ transition: 'FIRING', group: { key: 'store:store-1' } });
      const alerts = (await observability.call(admin, '{ alerts { edges { node { id status } } } }')).data!.alerts
        .edges;
      for (const { node } of alerts)
        await observability.call(admin, 'mutation ($id: ID!) { acknowledgeAlert(id: $id) { id } }', { id: node.id });
      await sleep(4_000);
      const afterAck = hook.received.length;
      await sleep(5_000);
      expect(hook.received.length).toBe(afterAck);

      // Resolving together is one message per channel too, sent once.
      await observability.db.hub.updateMany({ data: { status: 'ONLINE', changedAt: new Date() } });
      await eventually(async () =>
        chat.received.some((r) => JSON.parse(r.body).text.startsWith('[RESOLVED] 3 alerts at store store-1')),
      );
      await sleep(3_500);
      const resolved = (receiver: typeof chat, match: (body: any) => boolean) =>
        receiver.received.map((r) => JSON.parse(r.body)).filter(match);
      expect(resolved(chat, (b) => b.text.startsWith('[RESOLVED]'))).toHaveLength(1);
      expect(resolved(hook, (b) => b.transition === 'RESOLVED')).toHaveLength(1);
      expect(resolved(chat, (b) => b.text.startsWith('[FIRING] 3'))).toHaveLength(1);
      expect(other.received).toEqual([]);
    } finally {
      await observability.stop();
      await Promise.all([fakes.close(), chat.close(), hook.close(), other.close()]);
    }
  });
});
