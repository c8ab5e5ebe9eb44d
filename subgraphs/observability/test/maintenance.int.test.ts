import { TEST_BACKENDS, codeOf, eventually, startWebhookReceiver, userPrincipal } from '@switchyard/testing';
import { startFakeServices, startObservability } from './support.ts';

const operator = userPrincipal('OPERATOR');
const viewer = userPrincipal('VIEWER');
const WINDOW_FIELDS = `id title scope store { id } subjects startsAt endsAt timeZone activeNow nextStartsAt nextEndsAt
  recurrence { kind weekdays startTime durationMinutes cron } createdBy { id }`;
const CREATE = `mutation ($input: MaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { ${WINDOW_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: MaintenanceWindowInput!) {
  updateMaintenanceWindow(id: $id, input: $input) { ${WINDOW_FIELDS} } }`;
const DELETE = 'mutation ($id: ID!) { deleteMaintenanceWindow(id: $id) }';
const WINDOWS = `query ($activeOnly: Boolean) { maintenanceWindows(activeOnly: $activeOnly) { id title activeNow } }`;
const SERVICES = '{ services { name status maintenance { id title } } }';
const ALERTS = `{ alerts { edges { node { id status subject silenced maintenanceWindowId firedAt
  notifications { transition ok } } } } }`;
const CREATE_RULE = 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe.each(TEST_BACKENDS)('maintenance windows (%s)', (backend) => {
  it('are created, listed in order, validated, updated and deleted; a hub of a store is covered by its store', async () => {
    const observability = await startObservability(backend);
    try {
      const weekly = await observability.call(operator, CREATE, {
        input: {
          title: 'Weekly router restart',
          scope: 'SUBJECT',
          subjects: ['stores', 'stores'],
          recurrence: { kind: 'WEEKLY', weekdays: [7, 1], startTime: '02:30', durationMinutes: 30 },
          timeZone: 'Europe/Berlin',
        },
      });
      expect(weekly.errors).toBeUndefined();
      expect(weekly.data!.createMaintenanceWindow).toMatchObject({
        scope: 'SUBJECT',
        subjects: ['stores'],
        startsAt: null,
        timeZone: 'Europe/Berlin',
        recurrence: { kind: 'WEEKLY', weekdays: [1, 7], startTime: '02:30', durationMinutes: 30, cron: null },
        createdBy: { id: operator.userId },
      });
      expect(new Date(weekly.data!.createMaintenanceWindow.nextStartsAt).getTime()).toBeGreaterThan(Date.now());

      const store = await observability.call(operator, CREATE, {
        input: {
          title: 'Store 3 rewiring',
          scope: 'STORE',
          storeId: 'store-3',
          startsAt: minutes(-5),
          endsAt: minutes(55),
        },
      });
      expect(store.data!.createMaintenanceWindow).toMatchObject({ activeNow: true, store: { id: 'store-3' } });

      const list = await observability.call(viewer, WINDOWS, {});
      expect(list.data!.maintenanceWindows.map((w: { title: string }) => w.title)).toEqual([
        'Store 3 rewiring',
        'Weekly router restart',
      ]);
      const active = await observability.call(viewer, WINDOWS, { activeOnly: true });
      expect(active.data!.maintenanceWindows.map((w: { title: string }) => w.title)).toEqual(['Store 3 rewiring']);

      // A hub of store 3 is covered; a hub elsewhere and the services are not.
      await observability.db.hub.createMany({
        data: [
          { id: 'h3', storeId: 'store-3', status: 'ONLINE', changedAt: new Date() },
          { id: 'h4', storeId: 'store-4', status: 'ONLINE', changedAt: new Date() },
        ],
      });
      const subjects = observability.services.subjects;
      expect(await subjects.storesOf(['hub:h3', 'hub:h4', 'hub:gone', 'stores'])).toEqual(
        new Map([
          ['hub:h3', 'store-3'],
          ['hub:h4', 'store-4'],
          ['hub:gone', null],
          ['stores', null],
        ]),
      );
      for (const name of ['hub:h3', 'hub:h4', 'stores'])
        await observability.db.serviceState.create({
          data: { name, kind: 'HUB', status: 'UP', lastCheckedAt: new Date(), lastChangeAt: new Date() },
        });
      const services = (await observability.call(viewer, SERVICES)).data!.services;
      expect(Object.fromEntries(services.map((s: any) => [s.name, s.maintenance?.title ?? null]))).toEqual({
        'hub:h3': 'Store 3 rewiring',
        'hub:h4': null,
        stores: null,
      });

      const bad = await observability.call(operator, CREATE, {
        input: { title: 'Backwards', scope: 'GLOBAL', startsAt: minutes(10), endsAt: minutes(5) },
      });
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.extensions!.field).toBe('input.endsAt');
      const badCron = await observability.call(operator, CREATE, {
        input: {
          title: 'Bad cron',
          scope: 'GLOBAL',
          recurrence: { kind: 'CRON', cron: 'every day', durationMinutes: 5 },
        },
      });
      expect(badCron.errors![0]!.extensions!.field).toBe('input.recurrence.cron');
      expect(codeOf(await observability.call(viewer, DELETE, { id: store.data!.createMaintenanceWindow.id }))).toBe(
        'FORBIDDEN',
      );

      const id = weekly.data!.createMaintenanceWindow.id;
      const updated = await observability.call(operator, UPDATE, {
        id,
        input: {
          title: 'Monthly',
          scope: 'GLOBAL',
          recurrence: { kind: 'CRON', cron: '0 3 1 * *', durationMinutes: 60 },
        },
      });
      expect(updated.data!.updateMaintenanceWindow).toMatchObject({
        title: 'Monthly',
        subjects: [],
        timeZone: 'UTC',
        recurrence: { kind: 'CRON', weekdays: [], startTime: null, cron: '0 3 1 * *' },
      });
      expect((await observability.call(operator, DELETE, { id })).data!.deleteMaintenanceWindow).toBe(true);
      expect((await observability.call(operator, DELETE, { id })).data!.deleteMaintenanceWindow).toBe(false);
      expect(
        codeOf(
          await observability.call(operator, UPDATE, {
            id,
            input: { title: 'x', scope: 'GLOBAL', startsAt: minutes(1), endsAt: minutes(2) },
          }),
        ),
      ).toBe('NOT_FOUND');
    } finally {
      await observability.stop();
    }
  });

  it('keeps a service that goes down during a window from notifying; once the window is over, its alert fires notified', async () => {
    const fakes = await startFakeServices();
    const receiver = await startWebhookReceiver();
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      CHECK_TIMEOUT_MS: '500',
      CHECK_STARTUP_GRACE_MS: '0',
      ALERT_WEBHOOK_URLS: receiver.url,
      ALERT_WEBHOOK_SECRET: 'w'.repeat(32),
      NOTIFY_RETRY_BASE_MS: '50',
    });
    try {
      await observability.call(userPrincipal('ADMIN'), CREATE_RULE, {
        input: { name: 'stores down', kind: 'SERVICE_DOWN', target: 'stores', consecutiveChecks: 1 },
      });
      const window = (
        await observability.call(operator, CREATE, {
          input: {
            title: 'Deploy',
            scope: 'SUBJECT',
            subjects: ['stores'],
            startsAt: minutes(-1),
            endsAt: minutes(30),
          },
        })
      ).data!.createMaintenanceWindow;
      fakes.state.ready = false;
      observability.startJobs();

      const suppressed = await eventually(async () => {
        const edges = (await observability.call(viewer, ALERTS)).data!.alerts.edges;
        return edges.find((edge: any) => edge.node.status === 'FIRING')?.node;
      });
      expect(suppressed).toMatchObject({ subject: 'stores', silenced: true, maintenanceWindowId: window.id });
      const services = (await observability.call(viewer, SERVICES)).data!.services;
      expect(services[0]).toMatchObject({ name: 'stores', status: 'DOWN', maintenance: { id: window.id } });
      // A few more rounds in the window: still nothing owed.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(receiver.received).toHaveLength(0);
      expect(await observability.db.notificationDelivery.count()).toBe(0);

      // The window is moved into the past: it is over, and the alert, still firing, is notified.
      await observability.call(operator, UPDATE, {
        id: window.id,
        input: {
          title: 'Deploy',
          scope: 'SUBJECT',
          subjects: ['stores'],
          startsAt: minutes(-60),
          endsAt: minutes(-30),
        },
      });
      await eventually(async () => receiver.received.length >= 1);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
        transition: 'FIRING',
        alert: { id: suppressed.id },
      });
      const fired = (await observability.call(viewer, ALERTS)).data!.alerts.edges[0].node;
      expect(fired).toMatchObject({ id: suppressed.id, status: 'FIRING', silenced: false, maintenanceWindowId: null });
      expect((await observability.call(viewer, SERVICES)).data!.services[0].maintenance).toBeNull();
    } finally {
      await observability.stop();
      await receiver.close();
      await fakes.close();
    }
  });
});
