import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_BACKENDS, codeOf, eventually, startWebhookReceiver, userPrincipal } from '@switchyard/testing';
import { verifyWebhook } from '../src/domain/webhook-signature.ts';
import { startFakeServices, startObservability } from './support.ts';

const SECRET = 'w'.repeat(32);
const admin = userPrincipal('ADMIN');
const CREATE_RULE = 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id name } }';
const ALERTS = `{ alerts { edges { node { id status subject silenced firedAt resolvedAt rule { name }
  notifications { channel transition attempt ok httpStatus } } } } }`;
const SERVICES =
  '{ services { name kind status latencyMs lastCheckedAt lastChangeAt uptime(window: DAY) history(from: "2000-01-01T00:00:00Z") { status } } }';

describe.each(TEST_BACKENDS)('health checks, alerts and notifications (%s)', (backend) => {
  it('marks a failing service DOWN, fires after N checks, notifies signed, resolves; retries a failing receiver', async () => {
    const fakes = await startFakeServices();
    // The receiver fails twice: the FIRING notification needs three attempts.
    const receiver = await startWebhookReceiver([500, 503]);
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      CHECK_TIMEOUT_MS: '500',
      ALERT_WEBHOOK_URLS: receiver.url,
      ALERT_WEBHOOK_SECRET: SECRET,
      NOTIFY_RETRY_BASE_MS: '50',
    });
    try {
      const rule = await observability.call(admin, CREATE_RULE, {
        input: { name: 'stores down', kind: 'SERVICE_DOWN', target: 'stores', consecutiveChecks: 2 },
      });
      expect(rule.errors).toBeUndefined();
      observability.startJobs();
      await eventually(async () => (await observability.call(admin, SERVICES)).data?.services[0]?.status === 'UP');

      fakes.state.ready = false;
      const firing = await eventually(async () => {
        const alerts = (await observability.call(admin, ALERTS)).data!.alerts.edges;
        return alerts.find((edge: any) => edge.node.status === 'FIRING')?.node;
      });
      expect(firing).toMatchObject({ subject: 'stores', silenced: false, rule: { name: 'stores down' } });
      const services = (await observability.call(admin, SERVICES)).data!.services;
      expect(services[0]).toMatchObject({ name: 'stores', kind: 'SUBGRAPH', status: 'DOWN', latencyMs: null });
      expect(services[0].uptime).toBeGreaterThan(0);
      expect(services[0].uptime).toBeLessThan(1);

      await eventually(async () => receiver.received.length >= 3);
      fakes.state.ready = true;
      await eventually(async () => receiver.received.length >= 4);
      const bodies = receiver.received.map((r) => JSON.parse(r.body));
      expect(bodies.map((b) => [b.transition, b.alert.id])).toEqual([
        ['FIRING', firing.id],
        ['FIRING', firing.id],
        ['FIRING', firing.id],
        ['RESOLVED', firing.id],
      ]);
      for (const request of receiver.received) {
        const timestamp = Number(request.headers['x-switchyard-timestamp']);
        expect(verifyWebhook(SECRET, timestamp, request.body, String(request.headers['x-switchyard-signature']))).toBe(
          true,
        );
      }
      // The receiver has answered before the notifier records the delivery: wait for the record.
      const resolved = await eventually(async () => {
        const alert = (await observability.call(admin, ALERTS)).data!.alerts.edges[0].node;
        return alert.notifications.length >= 4 ? alert : undefined;
      });
      expect(resolved.status).toBe('RESOLVED');
      expect(resolved.notifications.map((n: any) => [n.transition, n.attempt, n.ok, n.httpStatus])).toEqual([
        ['FIRING', 1, false, 500],
        ['FIRING', 2, false, 503],
        ['FIRING', 3, true, 200],
        ['RESOLVED', 1, true, 200],
      ]);
    } finally {
      await observability.stop();
      await receiver.close();
      await fakes.close();
    }
  });

  it('keeps a notification it still owes across a restart, and delivers it after', async () => {
    const fakes = await startFakeServices();
    const receiver = await startWebhookReceiver([500]);
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      CHECK_TIMEOUT_MS: '500',
      // No start-up grace: the service is down from the checker's first rounds, an outage from the start.
      CHECK_STARTUP_GRACE_MS: '0',
      ALERT_WEBHOOK_URLS: receiver.url,
      ALERT_WEBHOOK_SECRET: SECRET,
      NOTIFY_RETRY_BASE_MS: '1500',
    });
    try {
      await observability.call(admin, CREATE_RULE, {
        input: { name: 'stores down', kind: 'SERVICE_DOWN', target: 'stores', consecutiveChecks: 1 },
      });
      const jobs = observability.startJobs();
      fakes.state.ready = false;
      await eventually(async () => receiver.received.length >= 1);
      // The process stops between the failed attempt and its retry: what is owed is in the database.
      await jobs.stop();
      expect(
        await observability.db.notificationDelivery.findMany({
          select: { transition: true, attempts: true, nextAttemptAt: true },
        }),
      ).toEqual([{ transition: 'FIRING', attempts: 1, nextAttemptAt: expect.any(Date) }]);
      observability.startJobs();
      await eventually(async () => receiver.received.length >= 2);
      expect(receiver.received.map((r) => [JSON.parse(r.body).transition, r.status])).toEqual([
        ['FIRING', 500],
        ['FIRING', 200],
      ]);
      const alert = await eventually(async () => {
        const latest = (await observability.call(admin, ALERTS)).data!.alerts.edges[0].node;
        return latest.notifications.length >= 2 ? latest : undefined;
      });
      expect(alert.notifications.map((n: any) => [n.transition, n.attempt, n.ok])).toEqual([
        ['FIRING', 1, false],
        ['FIRING', 2, true],
      ]);
      await eventually(
        async () => (await observability.db.notificationDelivery.findFirstOrThrow()).nextAttemptAt === null,
      );
    } finally {
      await observability.stop();
      await receiver.close();
      await fakes.close();
    }
  });

  it("fires an error-rate rule from the server errors in a service's /metrics, and resolves it when they stop", async () => {
    const fakes = await startFakeServices();
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      CHECK_TIMEOUT_MS: '500',
    });
    try {
      const input = {
        name: 'stores errors',
        kind: 'ERROR_RATE',
        target: 'stores',
        thresholdPercent: 50,
        forSeconds: 10,
      };
      expect((await observability.call(admin, CREATE_RULE, { input })).errors).toBeUndefined();
      fakes.state.operations = { ok: 1_000, serverErrors: 20 };
      observability.startJobs();
      await eventually(async () => fakes.state.metricsScrapes > 0); // the baseline the next scrape is compared with
      // Mostly fine since the last restart, but of the 40 operations just now, 30 failed.
      fakes.state.operations = { ok: 1_010, serverErrors: 50 };
      const firing = await eventually(
        async () =>
          (await observability.call(admin, ALERTS)).data!.alerts.edges.find((e: any) => e.node.status === 'FIRING')
            ?.node,
      );
      expect(firing).toMatchObject({ subject: 'stores', rule: { name: 'stores errors' } });
      // Then a run of successes: the failing share within the window falls under the threshold.
      fakes.state.operations = { ok: 2_000, serverErrors: 50 };
      const resolved = await eventually(
        async () =>
          (await observability.call(admin, ALERTS)).data!.alerts.edges.find(
            (e: any) => e.node.id === firing.id && e.node.status === 'RESOLVED',
          ),
        20_000,
      );
      expect(resolved).toBeTruthy();
    } finally {
      await observability.stop();
      await fakes.close();
    }
  });

  it('records but does not notify an alert that a silence matches', async () => {
    const fakes = await startFakeServices();
    const receiver = await startWebhookReceiver();
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      CHECK_STARTUP_GRACE_MS: '0',
      ALERT_WEBHOOK_URLS: receiver.url,
      ALERT_WEBHOOK_SECRET: SECRET,
    });
    try {
      const rule = (
        await observability.call(admin, CREATE_RULE, {
          input: { name: 'down', kind: 'SERVICE_DOWN', consecutiveChecks: 1 },
        })
      ).data!.createAlertRule;
      const silence = await observability.call(
        admin,
        'mutation ($until: DateTime!) { createSilence(matcher: "down:stores", until: $until, reason: "maintenance") { id } }',
        {
          until: new Date(Date.now() + 60_000).toISOString(),
        },
      );
      expect(silence.errors).toBeUndefined();
      fakes.state.ready = false;
      observability.startJobs();
      const alert = await eventually(
        async () =>
          (await observability.call(admin, ALERTS)).data!.alerts.edges.find((e: any) => e.node.status === 'FIRING')
            ?.node,
      );
      expect(alert.silenced).toBe(true);
      // Disabling the rule ends its alerts, though the service is still down.
      const disabled = await observability.call(
        admin,
        'mutation ($id: ID!) { updateAlertRule(id: $id, input: { enabled: false }) { enabled } }',
        { id: rule.id },
      );
      expect(disabled.data?.updateAlertRule).toEqual({ enabled: false });
      await eventually(
        async () => (await observability.call(admin, ALERTS)).data!.alerts.edges[0].node.status === 'RESOLVED',
      );
      expect(receiver.received).toEqual([]);
    } finally {
      await observability.stop();
      await receiver.close();
      await fakes.close();
    }
  });

  it('writes email notifications as .eml files under DATA_DIR without SMTP_URL', async () => {
    const fakes = await startFakeServices();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'observability-mail-'));
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      CHECK_STARTUP_GRACE_MS: '0',
      DATA_DIR: dataDir,
      ALERT_EMAIL_TO: 'ops@example.test',
    });
    try {
      await observability.call(admin, CREATE_RULE, {
        input: { name: 'down', kind: 'SERVICE_DOWN', consecutiveChecks: 1 },
      });
      fakes.state.ready = false;
      observability.startJobs();
      const mailDir = path.join(dataDir, 'observability', 'mail');
      const [file] = await eventually(async () => {
        try {
          // The directory may exist a moment before the message is written into it.
          const messages = readdirSync(mailDir).filter((name) => name.endsWith('.eml'));
          return messages.length > 0 && messages;
        } catch {
          return null;
        }
      });
      const message = readFileSync(path.join(mailDir, file!), 'utf8');
      expect(message).toMatch(/^To: ops@example.test/m);
      expect(message).toMatch(/^Subject: \[FIRING\] stores is down/m);
      // The delivery is recorded after the message is written, so it may lag the file briefly.
      const notifications = await eventually(async () => {
        const alert = (await observability.call(admin, ALERTS)).data!.alerts.edges[0]?.node;
        return alert?.notifications.length ? alert.notifications : null;
      });
      expect(notifications).toEqual([
        { channel: 'email', transition: 'FIRING', attempt: 1, ok: true, httpStatus: null },
      ]);
    } finally {
      await observability.stop();
      await fakes.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses rule changes by non-admins and names bad input', async () => {
    const observability = await startObservability(backend);
    try {
      const forbidden = await observability.call(userPrincipal('OPERATOR'), CREATE_RULE, {
        input: { name: 'x', kind: 'SERVICE_DOWN' },
      });
      expect(codeOf(forbidden)).toBe('FORBIDDEN');
      const bad = await observability.call(admin, CREATE_RULE, { input: { name: 'slow', kind: 'LATENCY_ABOVE' } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.thresholdMs' });
      await observability.call(admin, CREATE_RULE, { input: { name: 'dup', kind: 'SERVICE_DOWN' } });
      const duplicate = await observability.call(admin, CREATE_RULE, { input: { name: 'dup', kind: 'SERVICE_DOWN' } });
      expect(codeOf(duplicate)).toBe('CONFLICT');

      // An edit must leave the rule complete: a latency rule keeps its threshold.
      const UPDATE =
        'mutation ($id: ID!, $input: AlertRulePatch!) { updateAlertRule(id: $id, input: $input) { thresholdMs } }';
      const slow = (
        await observability.call(admin, CREATE_RULE, {
          input: { name: 'slow', kind: 'LATENCY_ABOVE', thresholdMs: 500 },
        })
      ).data!.createAlertRule;
      const cleared = await observability.call(admin, UPDATE, { id: slow.id, input: { thresholdMs: null } });
      expect(cleared.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.thresholdMs' });
      expect(
        (await observability.call(admin, UPDATE, { id: slow.id, input: { thresholdMs: 800 } })).data!.updateAlertRule,
      ).toEqual({ thresholdMs: 800 });
      const missing = await observability.call(admin, UPDATE, {
        id: '00000000-0000-4000-8000-000000000000',
        input: { enabled: false },
      });
      expect(codeOf(missing)).toBe('NOT_FOUND');
    } finally {
      await observability.stop();
    }
  });
});
