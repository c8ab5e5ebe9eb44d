import { TEST_BACKENDS, eventually, userPrincipal } from '@switchyard/testing';
import { startFakeServices, startObservability } from './support.ts';

const admin = userPrincipal('ADMIN');
const STORES = `{ services { name status uptime(window: DAY) history(from: "2000-01-01T00:00:00Z") { status checkedAt } } }`;
const ALERTS = '{ alerts { edges { node { id status resolvedAt rule { name } } } } }';
const CREATE_RULE = 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }';
const RULES = '{ alertRules { id name kind target thresholdPercent consecutiveChecks forSeconds enabled } }';

describe.each(TEST_BACKENDS)('start-up of the checker (%s)', (backend) => {
  let fakes: Awaited<ReturnType<typeof startFakeServices>>;
  beforeEach(async () => {
    fakes = await startFakeServices();
  });
  afterEach(() => fakes.close());

  const start = (env: Record<string, string> = {}) =>
    startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      CHECK_TIMEOUT_MS: '500',
      ...env,
    });

  it('shows a service that does not answer yet as STARTING, fires nothing, and keeps it out of uptime', async () => {
    const observability = await start();
    try {
      await observability.call(admin, CREATE_RULE, {
        input: { name: 'stores down', kind: 'SERVICE_DOWN', target: 'stores', consecutiveChecks: 1 },
      });
      fakes.state.ready = false;
      observability.startJobs();
      const stores = async () => (await observability.call(admin, STORES)).data!.services[0];
      await eventually(async () => (await stores())?.history.length >= 3);
      expect(await stores()).toMatchObject({ status: 'STARTING', uptime: null });
      expect((await observability.call(admin, ALERTS)).data!.alerts.edges).toEqual([]);

      fakes.state.ready = true;
      const up = await eventually(async () => {
        const service = await stores();
        return service.status === 'UP' && service;
      });
      expect(up.uptime).toBe(1);
      expect(new Set(up.history.map((check: any) => check.status))).toEqual(new Set(['STARTING', 'UP']));
      expect((await observability.call(admin, ALERTS)).data!.alerts.edges).toEqual([]);

      // Once it was seen ready, a failure is an outage, grace period or not.
      fakes.state.ready = false;
      await eventually(async () => (await stores()).status === 'DOWN');
      const firing = await eventually(async () =>
        (await observability.call(admin, ALERTS)).data!.alerts.edges.find((e: any) => e.node.status === 'FIRING'),
      );
      expect(firing.node.rule.name).toBe('stores down');
      const down = await stores();
      expect(down.uptime).toBeGreaterThan(0);
      expect(down.uptime).toBeLessThan(1);
    } finally {
      await observability.stop();
    }
  });

  it('calls a service that never answered DOWN once the grace period is over', async () => {
    const observability = await start({ CHECK_STARTUP_GRACE_MS: '1000' });
    try {
      fakes.state.ready = false;
      const startedAt = Date.now();
      observability.startJobs();
      const down = await eventually(async () => {
        const service = (await observability.call(admin, STORES)).data!.services[0];
        return service?.status === 'DOWN' && service;
      });
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
      expect(down.history[0].status).toBe('STARTING');
      expect(down.uptime).toBe(0);
    } finally {
      await observability.stop();
    }
  });

  it('leaves a firing alert firing while a restarted checker still calls its service STARTING', async () => {
    const observability = await start({ CHECK_STARTUP_GRACE_MS: '2000' });
    try {
      await observability.call(admin, CREATE_RULE, {
        input: { name: 'stores down', kind: 'SERVICE_DOWN', target: 'stores', consecutiveChecks: 1 },
      });
      fakes.state.ready = false;
      const jobs = observability.startJobs();
      const alerts = async () => (await observability.call(admin, ALERTS)).data!.alerts.edges.map((e: any) => e.node);
      const [firing] = await eventually(async () => {
        const all = await alerts();
        return all.some((alert: any) => alert.status === 'FIRING') && all;
      });
      await jobs.stop();

      const restartedAt = new Date();
      observability.startJobs();
      const sinceRestart = async () =>
        (await observability.call(admin, STORES)).data!.services[0].history.filter(
          (check: any) => new Date(check.checkedAt) >= restartedAt,
        );
      // The restarted checker gives it a new grace period, then calls it DOWN again.
      const checks = await eventually(async () => {
        const history = await sinceRestart();
        return history.some((check: any) => check.status === 'DOWN') && history;
      });
      expect(checks[0].status).toBe('STARTING');
      expect(await alerts()).toEqual([firing]);
    } finally {
      await observability.stop();
    }
  });
});

describe.each(TEST_BACKENDS)('default alert rules (%s)', (backend) => {
  it('are created once, and what an admin changed or deleted stays so', async () => {
    const observability = await startObservability(backend);
    try {
      // An admin's own rule of the same name is left as it is.
      await observability.call(admin, CREATE_RULE, {
        input: { name: 'Hub offline', kind: 'HUB_OFFLINE', forSeconds: 30 },
      });
      expect(await observability.services.createDefaultAlertRules()).toEqual([
        'default-alert-rules',
        'default-backup-alert-rules',
        'default-certificate-alert-rules',
        'default-device-alert-rules',
        'default-hsm-alert-rules',
      ]);
      const rules = (await observability.call(admin, RULES)).data!.alertRules;
      expect(rules.map((rule: any) => ({ ...rule, id: undefined }))).toEqual([
        {
          name: 'Backup failed',
          kind: 'BACKUP_FAILED',
          target: null,
          thresholdPercent: null,
          consecutiveChecks: 1,
          forSeconds: 0,
          enabled: true,
        },
        {
          name: 'Backup stale',
          kind: 'BACKUP_STALE',
          target: null,
          thresholdPercent: null,
          consecutiveChecks: 1,
          forSeconds: 26 * 3600,
          enabled: true,
        },
        {
          name: 'Certificate expiring',
          kind: 'CERTIFICATE_EXPIRING',
          target: null,
          thresholdPercent: null,
          consecutiveChecks: 1,
          forSeconds: 0,
          enabled: true,
        },
        {
          name: 'Circuit breaker open',
          kind: 'BREAKER_OPEN',
          target: null,
          thresholdPercent: null,
          consecutiveChecks: 1,
          forSeconds: 120,
          enabled: true,
        },
        {
          name: 'Device offline',
          kind: 'DEVICE_OFFLINE',
          target: null,
          thresholdPercent: null,
          consecutiveChecks: 1,
          forSeconds: 86_400,
          enabled: true,
        },
        {
          name: 'HSM alert',
          kind: 'HSM_ALERT',
          target: null,
          thresholdPercent: null,
          consecutiveChecks: 1,
          forSeconds: 0,
          enabled: true,
        },
        {
          name: 'Hub offline',
          kind: 'HUB_OFFLINE',
          target: null,
          thresholdPercent: null,
          consecutiveChecks: 2,
          forSeconds: 30,
          enabled: true,
        },
        {
          name: 'Low battery',
          kind: 'LOW_BATTERY',
          target: null,
          thresholdPercent: 20,
          consecutiveChecks: 1,
          forSeconds: 0,
          enabled: true,
        },
        {
          name: 'Server errors',
          kind: 'ERROR_RATE',
          target: null,
          thresholdPercent: 5,
          consecutiveChecks: 1,
          forSeconds: 300,
          enabled: true,
        },
        {
          name: 'Service down',
          kind: 'SERVICE_DOWN',
          target: null,
          thresholdPercent: null,
          consecutiveChecks: 1,
          forSeconds: 60,
          enabled: true,
        },
      ]);
      const id = (name: string) => rules.find((rule: any) => rule.name === name).id;
      const deleted = await observability.call(admin, 'mutation ($id: ID!) { deleteAlertRule(id: $id) }', {
        id: id('Circuit breaker open'),
      });
      expect(deleted.data?.deleteAlertRule).toBe(true);
      const edited = await observability.call(
        admin,
        'mutation ($id: ID!) { updateAlertRule(id: $id, input: { forSeconds: 180, enabled: false }) { forSeconds } }',
        { id: id('Service down') },
      );
      expect(edited.errors).toBeUndefined();

      // The next start, of this replica or another: nothing comes back, nothing is overwritten.
      expect(await observability.services.createDefaultAlertRules()).toEqual([]);
      const after = (await observability.call(admin, RULES)).data!.alertRules;
      expect(after.map((rule: any) => [rule.name, rule.forSeconds, rule.enabled])).toEqual([
        ['Backup failed', 0, true],
        ['Backup stale', 26 * 3600, true],
        ['Certificate expiring', 0, true],
        ['Device offline', 86_400, true],
        ['HSM alert', 0, true],
        ['Hub offline', 30, true],
        ['Low battery', 0, true],
        ['Server errors', 300, true],
        ['Service down', 180, false],
      ]);
    } finally {
      await observability.stop();
    }
  });

  it('are created by exactly one of several replicas starting at once', async () => {
    const observability = await startObservability(backend);
    try {
      const created = await Promise.all([1, 2, 3].map(() => observability.services.createDefaultAlertRules()));
      // Each setup step (the first rules, the backup, certificate and device rules) by one of them.
      expect(created.flat().sort()).toEqual([
        'default-alert-rules',
        'default-backup-alert-rules',
        'default-certificate-alert-rules',
        'default-device-alert-rules',
        'default-hsm-alert-rules',
      ]);
      expect(await observability.db.alertRule.count()).toBe(10);
    } finally {
      await observability.stop();
    }
  });
});
