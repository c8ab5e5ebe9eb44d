import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTEXT_HEADER, createInternalClient, encodeContext } from '@switchyard/shared';
import { TEST_BACKENDS, codeOf, eventually, listen, userPrincipal } from '@switchyard/testing';
import { startFakeServices, startObservability } from './support.ts';

const admin = userPrincipal('ADMIN');
const operator = userPrincipal('OPERATOR');
const viewer = userPrincipal('VIEWER');
const MONITOR_FIELDS = `id name kind target intervalSeconds timeoutMs retries enabled pushUrl certificateExpiresAt
  store { id } http { method keyword expectedStatusMin expectedStatusMax certificateExpiryDays ignoreTls }
  status { name displayName kind status error monitor { id } history(from: "2000-01-01T00:00:00Z") { status } }`;
const CREATE = `mutation ($input: MonitorInput!) { createMonitor(input: $input) { ${MONITOR_FIELDS} } }`;
const MONITOR = `query ($id: ID!) { monitor(id: $id) { ${MONITOR_FIELDS} } }`;
const statusOf = async (observability: Awaited<ReturnType<typeof startObservability>>, id: string) =>
  (await observability.call(admin, MONITOR, { id })).data?.monitor?.status?.status as string | undefined;

const ENV = {
  MONITORED_SERVICES: 'stores',
  CHECK_INTERVAL_MS: '300',
  CHECK_TIMEOUT_MS: '500',
  MONITOR_MIN_INTERVAL_SECONDS: '1',
  MONITOR_RELOAD_MS: '200',
};

describe.each(TEST_BACKENDS)('user-defined monitors (%s)', (backend) => {
  it('validates, checks on schedule with retries, takes pushes, and cleans up on delete', async () => {
    let body = 'Shop is Open';
    const site = createHttpServer((_req, res) => res.end(body));
    const siteUrl = await listen(site);
    const fakes = await startFakeServices();
    const observability = await startObservability(backend, { ...fakes.env, ...ENV });
    try {
      // Validation: field paths, the outbound policy, roles.
      const badRange = await observability.call(operator, CREATE, {
        input: { name: 'x', kind: 'HTTP', target: siteUrl, http: { expectedStatusMin: 300, expectedStatusMax: 200 } },
      });
      expect(badRange.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.http.expectedStatusMax',
      });
      const metadata = await observability.call(operator, CREATE, {
        input: { name: 'x', kind: 'HTTP', target: 'http://169.254.169.254/latest' },
      });
      expect(metadata.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.target' });
      expect(codeOf(await observability.call(viewer, CREATE, { input: { name: 'x', kind: 'PUSH' } }))).toBe(
        'FORBIDDEN',
      );

      const created = await observability.call(operator, CREATE, {
        input: {
          name: 'Shop website',
          kind: 'HTTP',
          storeId: 'store-1',
          target: siteUrl,
          http: { keyword: 'Open' },
          intervalSeconds: 1,
          timeoutMs: 500,
          retries: 1,
        },
      });
      expect(created.errors).toBeUndefined();
      const site1 = created.data!.createMonitor;
      expect(site1).toMatchObject({ kind: 'HTTP', store: { id: 'store-1' }, pushUrl: null, status: null });
      const push = (
        await observability.call(operator, CREATE, {
          input: {
            name: 'Nightly export',
            kind: 'PUSH',
            storeId: 'store-1',
            intervalSeconds: 2,
            retries: 0,
            timeoutMs: 500,
          },
        })
      ).data!.createMonitor;
      expect(push.pushUrl).toMatch(/^http:\/\/127\.0\.0\.1:3000\/push\/[A-Za-z0-9_-]{32}$/);
      // Viewers see monitors, not their push URLs.
      expect((await observability.call(viewer, MONITOR, { id: push.id })).data!.monitor.pushUrl).toBeNull();

      // An alert rule on every subject: a monitor's alert says its name and carries its store.
      await observability.call(
        admin,
        'mutation { createAlertRule(input: { name: "down", kind: SERVICE_DOWN, consecutiveChecks: 1 }) { id } }',
      );

      observability.startJobs();
      await eventually(async () => (await statusOf(observability, site1.id)) === 'UP');
      body = 'Shop is closed';
      await eventually(async () => (await statusOf(observability, site1.id)) === 'DOWN', 10_000, 100);
      const down = (await observability.call(admin, MONITOR, { id: site1.id })).data!.monitor;
      expect(down.status).toMatchObject({
        name: `monitor:${site1.id}`,
        displayName: 'Shop website',
        kind: 'MONITOR',
        error: 'keyword "Open" not found',
        monitor: { id: site1.id },
      });
      // retries 1: one DEGRADED (retrying) check before DOWN.
      const statuses = down.status.history.map((check: { status: string }) => check.status);
      expect(statuses.slice(statuses.indexOf('UP'))).toEqual(expect.arrayContaining(['UP', 'DEGRADED', 'DOWN']));
      expect(statuses.indexOf('DEGRADED')).toBeLessThan(statuses.indexOf('DOWN'));
      const alert = await eventually(async () =>
        observability.db.alert.findFirst({ where: { subject: `monitor:${site1.id}` } }),
      );
      expect(alert).toMatchObject({ storeId: 'store-1' });
      expect(alert.summary).toContain('Shop website');
      body = 'Shop is Open';
      await eventually(async () => (await statusOf(observability, site1.id)) === 'UP', 10_000, 100);

      // The push monitor: DOWN without calls, UP once called, DOWN with ?status=down.
      await eventually(async () => (await statusOf(observability, push.id)) === 'DOWN', 10_000, 100);
      const client = createInternalClient({ internalSigningSecret: observability.secret, timeoutMs: 2000 });
      const context = encodeContext({ principal: null, requestId: 'push-test', clientIp: null, userAgent: 'curl' });
      const call = (url: string) => client.fetch(url, { headers: { [CONTEXT_HEADER]: context } });
      const token = push.pushUrl.split('/push/')[1];
      const answer = await call(`${observability.baseUrl}/push/${token}`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ ok: true });
      expect(await statusOf(observability, push.id)).toBe('UP');
      expect((await call(`${observability.baseUrl}/push/${'x'.repeat(32)}`)).status).toBe(404);
      await call(`${observability.baseUrl}/push/${token}?status=down&msg=disk%20full`);
      const reported = (await observability.call(admin, MONITOR, { id: push.id })).data!.monitor.status;
      expect(reported).toMatchObject({ status: 'DOWN', error: 'disk full' });
      // Unsigned calls never reach the route (the gateway's /push proxy signs them).
      expect((await fetch(`${observability.baseUrl}/push/${token}`)).status).toBe(401);
      // A rotated URL replaces the old one at once.
      const rotated = (
        await observability.call(operator, `mutation ($id: ID!) { rotatePushUrl(id: $id) { pushUrl } }`, {
          id: push.id,
        })
      ).data!.rotatePushUrl;
      expect(rotated.pushUrl).not.toBe(push.pushUrl);
      expect((await call(`${observability.baseUrl}/push/${token}`)).status).toBe(404);
      await client.close();

      // The store's monitors, by name.
      const store = await observability.call(
        admin,
        `{ _entities(representations: [{ __typename: "Store", id: "store-1" }]) { ... on Store { monitors { name } } } }`,
      );
      expect(store.data!._entities[0].monitors.map((m: { name: string }) => m.name)).toEqual([
        'Nightly export',
        'Shop website',
      ]);
      expect((await observability.call(admin, '{ monitors(storeId: "other") { id } }')).data!.monitors).toEqual([]);

      // Disabled: no more checks; deleted: its state and history go.
      await observability.call(
        operator,
        `mutation ($id: ID!) { updateMonitor(id: $id, input: { enabled: false }) { enabled } }`,
        {
          id: site1.id,
        },
      );
      const before = await observability.db.serviceCheck.count({ where: { service: `monitor:${site1.id}` } });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(
        await observability.db.serviceCheck.count({ where: { service: `monitor:${site1.id}` } }),
      ).toBeLessThanOrEqual(before + 1);
      const deleted = await observability.call(operator, `mutation ($id: ID!) { deleteMonitor(id: $id) }`, {
        id: site1.id,
      });
      expect(deleted.data!.deleteMonitor).toBe(true);
      expect(await observability.db.serviceState.count({ where: { name: `monitor:${site1.id}` } })).toBe(0);
      expect(
        codeOf(
          await observability.call(operator, `mutation ($id: ID!) { checkMonitorNow(id: $id) { id } }`, {
            id: site1.id,
          }),
        ),
      ).toBe('NOT_FOUND');
    } finally {
      await observability.stop();
      await fakes.close();
      site.close();
    }
  });

  it('raises CERTIFICATE_EXPIRING for a certificate expiring in 10 days', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'monitor-int-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        path.join(dir, 'k.pem'),
        '-out',
        path.join(dir, 'c.pem'),
        '-days',
        '10',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const server = createHttpsServer(
      { key: readFileSync(path.join(dir, 'k.pem')), cert: readFileSync(path.join(dir, 'c.pem')) },
      (_req, res) => res.end('ok'),
    );
    const url = (await listen(server)).replace('http:', 'https:');
    const fakes = await startFakeServices();
    const observability = await startObservability(backend, { ...fakes.env, ...ENV });
    try {
      await observability.services.createDefaultAlertRules();
      const monitor = (
        await observability.call(operator, CREATE, {
          input: {
            name: 'POS portal',
            kind: 'HTTP',
            target: url,
            http: { ignoreTls: true, certificateExpiryDays: 14 },
          },
        })
      ).data!.createMonitor;
      const checked = (
        await observability.call(
          operator,
          `mutation ($id: ID!) { checkMonitorNow(id: $id) { certificateExpiresAt status { status } } }`,
          {
            id: monitor.id,
          },
        )
      ).data!.checkMonitorNow;
      expect(checked.status.status).toBe('UP');
      const days = (new Date(checked.certificateExpiresAt).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(9);
      expect(days).toBeLessThanOrEqual(10);
      observability.startJobs();
      const alert = await eventually(async () =>
        observability.db.alert.findFirst({
          where: { subject: `monitor:${monitor.id}`, status: 'FIRING', ruleName: 'Certificate expiring' },
        }),
      );
      expect(alert.summary).toMatch(/^the TLS certificate of POS portal expires on \d{4}-\d{2}-\d{2}$/);
    } finally {
      await observability.stop();
      await fakes.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
