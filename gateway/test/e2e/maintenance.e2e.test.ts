import { bearer, eventually, graphql, startWebhookReceiver } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const WINDOW = `mutation ($input: MaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { id activeNow } }`;
const UPDATE = `mutation ($id: ID!, $input: MaintenanceWindowInput!) { updateMaintenanceWindow(id: $id, input: $input) { id activeNow } }`;
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe.each(ONE_BACKEND)('maintenance windows through the gateway (%s)', (backend) => {
  let system: System;
  let token: string;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(system.gatewayUrl, query, variables, bearer(token));

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    system = await startSystem(backend, {
      subgraphs: ['identity', 'stores', 'observability'],
      env: {
        SEED_DEMO_DATA: 'false',
        MONITORED_SERVICES: 'identity,stores',
        CHECK_INTERVAL_MS: '1000',
        CHECK_TIMEOUT_MS: '800',
        ALERT_WEBHOOK_URLS: receiver.url,
        ALERT_WEBHOOK_SECRET: 'e2e-webhook-secret-of-at-least-32-chars',
        NOTIFY_RETRY_BASE_MS: '200',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(async () => {
    await system?.destroy();
    await receiver?.close();
  });

  it('keeps a stopped subgraph in a window from notifying, shows the window on its status, and notifies once it is over', async () => {
    const stores = system.services.find((s) => s.name === 'stores')!;
    // Signed in and checked once: the system is up before the first mutation.
    await eventually(async () =>
      (await gql('{ services { name status } }')).data?.services.some(
        (s: any) => s.name === 'stores' && s.status === 'UP',
      ),
    );

    expect(
      (
        await gql(
          'mutation { createAlertRule(input: { name: "stores down", kind: SERVICE_DOWN, target: "stores", consecutiveChecks: 1 }) { id } }',
        )
      ).errors,
    ).toBeUndefined();
    const input = { title: 'Stores upgrade', scope: 'SUBJECT', subjects: ['stores'] };
    const created = await gql(WINDOW, { input: { ...input, startsAt: minutes(-1), endsAt: minutes(30) } });
    expect(created.errors).toBeUndefined();
    const windowId = created.data.createMaintenanceWindow.id;
    expect(created.data.createMaintenanceWindow.activeNow).toBe(true);
    await stores.stop();
    const suppressed = await eventually(async () =>
      (
        await gql('{ alerts(status: FIRING) { edges { node { id subject silenced maintenanceWindowId } } } }')
      ).data?.alerts.edges
        .map((e: any) => e.node)
        .find((a: any) => a.subject === 'stores'),
    );
    expect(suppressed).toMatchObject({ silenced: true, maintenanceWindowId: windowId });
    const status = (await gql('{ services { name status maintenance { id title activeNow } } }')).data.services.find(
      (s: any) => s.name === 'stores',
    );
    expect(status).toMatchObject({
      status: 'DOWN',
      maintenance: { id: windowId, title: 'Stores upgrade', activeNow: true },
    });
    const identity = (await gql('{ services { name maintenance { id } } }')).data.services.find(
      (s: any) => s.name === 'identity',
    );
    expect(identity.maintenance).toBeNull();
    expect(receiver.received).toHaveLength(0);

    // The window is over while stores is still down: the alert is notified now.
    const ended = await gql(UPDATE, { id: windowId, input: { ...input, startsAt: minutes(-60), endsAt: minutes(-1) } });
    expect(ended.data.updateMaintenanceWindow.activeNow).toBe(false);
    const fired = await eventually(async () =>
      receiver.received.find((r) => JSON.parse(r.body).transition === 'FIRING'),
    );
    expect(JSON.parse(fired.body).alert).toMatchObject({ id: suppressed.id, subject: 'stores' });
    await stores.start();
  });
});
