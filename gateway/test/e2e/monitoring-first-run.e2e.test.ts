import { bearer, eventually, graphql, startWebhookReceiver } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { BACKENDS, startSystem, type System } from '@switchyard/testing/system';

const CHECK_INTERVAL_MS = 2_000;
const SERVICES = `{ services { name kind status uptime(window: DAY) history(from: "2000-01-01T00:00:00Z") { status } } }`;
const ALERTS = `{ alerts { edges { node { id subject status firedAt rule { name }
  notifications { channel transition ok } } } } }`;

/** Monitoring as a fresh installation has it: no rule written, no setting beyond the check cadence. */
describe.each(BACKENDS)('monitoring out of the box (%s)', (backend) => {
  let system: System;
  let token: string;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const gql = (query: string) => graphql(system.gatewayUrl, query, {}, bearer(token));

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    system = await startSystem(backend, {
      env: {
        SEED_DEMO_DATA: 'false',
        CHECK_INTERVAL_MS: String(CHECK_INTERVAL_MS),
        // Everything starts at once, the gateway last: on a loaded machine that can outlast the default grace period.
        CHECK_STARTUP_GRACE_MS: '300000',
        ALERT_WEBHOOK_URLS: receiver.url,
        ALERT_WEBHOOK_SECRET: 'e2e-webhook-secret-of-at-least-32-chars',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(async () => {
    await system?.destroy();
    await receiver?.close();
  });

  it('shows every service up at 100 %, its start not counted as downtime, with the default rules and every breaker', async () => {
    const names = ['gateway', 'identity', 'stores', 'hardware', 'meals', 'observability'];
    const services = await eventually(async () => {
      const list = (await gql(SERVICES)).data?.services ?? [];
      return names.every((name) => list.some((s: any) => s.name === name && s.status === 'UP')) && list;
    }, 60_000);
    // The checker started before the gateway listened (the gateway starts last): those checks found it starting, not down.
    expect(
      services.map((s: any) => ({
        name: s.name,
        uptime: s.uptime,
        down: s.history.filter((c: any) => c.status === 'DOWN'),
      })),
    ).toEqual(services.map((s: any) => ({ name: s.name, uptime: 1, down: [] })));

    const rules = (await gql('{ alertRules { name kind target forSeconds thresholdPercent } }')).data.alertRules;
    expect(rules).toEqual([
      { name: 'Backup failed', kind: 'BACKUP_FAILED', target: null, forSeconds: 0, thresholdPercent: null },
      { name: 'Backup stale', kind: 'BACKUP_STALE', target: null, forSeconds: 93_600, thresholdPercent: null },
      {
        name: 'Certificate expiring',
        kind: 'CERTIFICATE_EXPIRING',
        target: null,
        forSeconds: 0,
        thresholdPercent: null,
      },
      { name: 'Circuit breaker open', kind: 'BREAKER_OPEN', target: null, forSeconds: 120, thresholdPercent: null },
      { name: 'Device offline', kind: 'DEVICE_OFFLINE', target: null, forSeconds: 86_400, thresholdPercent: null },
      { name: 'HSM alert', kind: 'HSM_ALERT', target: null, forSeconds: 0, thresholdPercent: null },
      { name: 'Hub offline', kind: 'HUB_OFFLINE', target: null, forSeconds: 300, thresholdPercent: null },
      { name: 'Low battery', kind: 'LOW_BATTERY', target: null, forSeconds: 0, thresholdPercent: 20 },
      { name: 'Server errors', kind: 'ERROR_RATE', target: null, forSeconds: 300, thresholdPercent: 5 },
      { name: 'Service down', kind: 'SERVICE_DOWN', target: null, forSeconds: 60, thresholdPercent: null },
    ]);

    // No breaker has changed state, yet each exists: the gateway's, one per subgraph and one for
    // its authentication calls to identity.
    const gatewayBreakers = [
      'identity:authenticate',
      ...['hardware', 'identity', 'meals', 'observability', 'stores'].map((name) => `subgraph:${name}`),
    ];
    const breakers = await eventually(async () => {
      const list = (await gql('{ circuitBreakers { service name state } }')).data?.circuitBreakers ?? [];
      return list.filter((b: any) => b.service === 'gateway').length === gatewayBreakers.length && list;
    });
    expect(
      breakers.filter((b: any) => b.service === 'gateway').sort((a: any, b: any) => a.name.localeCompare(b.name)),
    ).toEqual(gatewayBreakers.map((name) => ({ service: 'gateway', name, state: 'CLOSED' })));
  });

  it('fires the default "Service down" rule for a subgraph down a minute, and sends its notification', async () => {
    const meals = system.services.find((s) => s.name === 'meals')!;
    await meals.stop();
    // A minute of downtime, found within a check interval and judged at a round: given a minute more for a loaded machine.
    const firing = await eventually(
      async () =>
        (await gql(ALERTS)).data?.alerts.edges
          .map((e: any) => e.node)
          .find((a: any) => a.subject === 'meals' && a.status === 'FIRING'),
      120_000,
      1_000,
    );
    expect(firing.rule.name).toBe('Service down');
    // FIRING only once it had been down for the minute: since the check that first found it down.
    const down = (await gql('{ services { name status lastChangeAt } }')).data.services.find(
      (s: any) => s.name === 'meals',
    );
    expect(down.status).toBe('DOWN');
    expect(Date.parse(firing.firedAt) - Date.parse(down.lastChangeAt)).toBeGreaterThanOrEqual(60_000);

    const notified = await eventually(async () => {
      const alert = (await gql(ALERTS)).data?.alerts.edges.find((e: any) => e.node.id === firing.id)?.node;
      return alert?.notifications.length > 0 && alert.notifications;
    });
    expect(notified).toEqual([{ channel: 'webhook', transition: 'FIRING', ok: true }]);
    const body = JSON.parse(receiver.received.find((r) => JSON.parse(r.body).alert.id === firing.id)?.body ?? '{}');
    expect(body).toMatchObject({ transition: 'FIRING', alert: { rule: 'Service down', subject: 'meals' } });
  });
});
