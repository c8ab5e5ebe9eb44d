import {
  bearer,
  collect,
  eventually,
  graphql,
  signedMetrics,
  startWebhookReceiver,
  subscriptionClient,
} from '@switchyard/testing';
import { verifyWebhook } from '../../../subgraphs/observability/src/domain/webhook-signature.ts';
import { login, createStore } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const WEBHOOK_SECRET = 'e2e-webhook-secret-of-at-least-32-chars';
const CHECK_INTERVAL_MS = 1_000;
const TRANSITION =
  'mutation ($id: ID!, $v: Int!) { transitionStore(id: $id, to: PROVISIONING, expectedVersion: $v) { version } }';
describe.each(ONE_BACKEND)('observability (%s)', (backend) => {
  let system: System;
  let token: string;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    graphql(system.gatewayUrl, query, variables, { ...bearer(token), ...headers });
  const service = (name: string) => system.services.find((s) => s.name === name)!;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    system = await startSystem(backend, {
      subgraphs: ['identity', 'stores', 'observability'],
      env: {
        SEED_DEMO_DATA: 'false',
        MONITORED_SERVICES: 'identity,stores',
        CHECK_INTERVAL_MS: String(CHECK_INTERVAL_MS),
        CHECK_TIMEOUT_MS: '800',
        ACTIVITY_POLL_MS: '500',
        ALERT_WEBHOOK_URLS: receiver.url,
        ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET,
        NOTIFY_RETRY_BASE_MS: '200',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(async () => {
    await system?.destroy();
    await receiver?.close();
  });

  it('sees a stopped subgraph go DOWN, fires a signed alert, and resolves it after the restart', async () => {
    const rule = await gql(
      'mutation { createAlertRule(input: { name: "stores down", kind: SERVICE_DOWN, target: "stores", consecutiveChecks: 2 }) { id } }',
    );
    expect(rule.errors).toBeUndefined();
    await eventually(async () =>
      (await gql('{ services { name status } }')).data?.services.some(
        (s: any) => s.name === 'stores' && s.status === 'UP',
      ),
    );
    const client = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${token}` });
    const statuses = collect(client, 'subscription { serviceStatusChanged { name status lastChangeAt } }');
    const alerts = collect(client, 'subscription { alertChanged { id status subject rule { name } } }');
    await client.connected;

    // Only ours: with Redis, other suites' services share the bus.
    const storesStatuses = () =>
      statuses.results.map((r: any) => r.data?.serviceStatusChanged).filter((s: any) => s?.name === 'stores');
    const storesAlerts = () =>
      alerts.results.map((r: any) => r.data?.alertChanged).filter((a: any) => a?.subject === 'stores');

    // A check may flap on a loaded machine before the stop (a slow /ready times out): only what follows the stop counts.
    const seenBeforeStop = storesStatuses().length;
    await service('stores').stop();
    const stoppedAt = Date.now();
    const afterStop = () => storesStatuses().slice(seenBeforeStop);
    const down = await eventually(async () => afterStop().find((s: any) => s.status === 'DOWN'));
    expect(down).toMatchObject({ name: 'stores', status: 'DOWN' });
    // Two intervals, plus the check timeout and a little scheduling slack on a loaded machine.
    expect(Date.now() - stoppedAt).toBeLessThan(2 * CHECK_INTERVAL_MS + 800 + 1_500);
    const firing = await eventually(async () => storesAlerts().find((a: any) => a.status === 'FIRING'));
    expect(firing).toMatchObject({ subject: 'stores', rule: { name: 'stores down' } });
    expect(
      storesAlerts()
        .filter((a: any) => a.id === firing.id)
        .map((a: any) => a.status),
    ).toEqual(['PENDING', 'FIRING']);

    const fired = await eventually(async () =>
      receiver.received.find((r) => JSON.parse(r.body).transition === 'FIRING'),
    );
    expect(JSON.parse(fired.body).alert.id).toBe(firing.id);
    expect(
      verifyWebhook(
        WEBHOOK_SECRET,
        Number(fired.headers['x-switchyard-timestamp']),
        fired.body,
        String(fired.headers['x-switchyard-signature']),
      ),
    ).toBe(true);

    await service('stores').start();
    const resolved = await eventually(async () =>
      receiver.received.find(
        (r) => JSON.parse(r.body).transition === 'RESOLVED' && JSON.parse(r.body).alert.id === firing.id,
      ),
    );
    expect(JSON.parse(resolved.body).alert.subject).toBe('stores');
    const up = await eventually(async () =>
      afterStop()
        .slice(afterStop().indexOf(down) + 1)
        .find((s: any) => s.status === 'UP'),
    );
    expect(up).toMatchObject({ name: 'stores', status: 'UP' });
    await client.dispose();
  });

  it('records store activity that resolves the store through the gateway, live and queried', async () => {
    const client = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${token}` });
    const added = collect(
      client,
      'subscription { activityAdded(filter: { kinds: ["StoreCreated", "StoreStatusChanged"] }) { kind store { id name } } }',
    );
    await client.connected;
    const store = await createStore(system.gatewayUrl, token);
    await gql(TRANSITION, { id: store.id, v: store.version });

    // Filtered here too: with Redis, other suites' stores share the bus.
    const ours = () =>
      added.results.map((r: any) => r.data.activityAdded).filter((entry: any) => entry.store.id === store.id);
    const live = await eventually(async () => ours().length >= 2 && ours());
    expect(live).toEqual([
      { kind: 'StoreCreated', store: { id: store.id, name: store.name } },
      { kind: 'StoreStatusChanged', store: { id: store.id, name: store.name } },
    ]);
    const feed = await gql(
      'query ($id: ID) { activity(filter: { storeId: $id }) { totalCount edges { node { kind actor { email } store { name status } } } } }',
      { id: store.id },
    );
    expect(feed.errors).toBeUndefined();
    expect(feed.data.activity.edges.map((e: any) => e.node)).toEqual([
      {
        kind: 'StoreStatusChanged',
        actor: { email: system.admin.email },
        store: { name: store.name, status: 'PROVISIONING' },
      },
      {
        kind: 'StoreCreated',
        actor: { email: system.admin.email },
        store: { name: store.name, status: 'PROVISIONING' },
      },
    ]);
    // Signing in is activity too (identity's UserLoggedIn), resolved to the user through identity.
    const logins = await eventually(async () => {
      const result = await gql(
        '{ activity(filter: { kinds: ["UserLoggedIn"] }) { edges { node { kind source actor { email } } } } }',
      );
      return result.data?.activity.edges.find((edge: any) => edge.node.actor?.email === system.admin.email);
    });
    expect(logins.node).toEqual({ kind: 'UserLoggedIn', source: 'identity', actor: { email: system.admin.email } });
    const overview = await gql('{ overview { storesByStatus { status count } eventsLastHour } }');
    expect(
      overview.data.overview.storesByStatus.find((s: any) => s.status === 'PROVISIONING').count,
    ).toBeGreaterThanOrEqual(1);
    await client.dispose();
  });

  it('logs one trace id in the gateway and the subgraph for one request', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...bearer(token),
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: '{ stores(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('traceparent')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const requestLines = (name: string) =>
      service(name)
        .logs()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.msg === 'request' && entry.traceId === traceId);
    // The log lines are written as the responses finish, and read from the processes' output.
    await eventually(async () => requestLines('gateway').length > 0 && requestLines('stores').length > 0);
    expect(requestLines('gateway')).toHaveLength(1);
  });

  it('serves Prometheus metrics on every service', async () => {
    const sample = (name: string, label = '') => new RegExp(`^${name}\\{[^}]*${label}[^}]*\\} `, 'm');
    const type = (name: string, kind: string) => new RegExp(`^# TYPE ${name} ${kind}$`, 'm');
    const everyService = [
      sample('http_request_duration_seconds_bucket'),
      sample('graphql_operation_duration_seconds_bucket'),
      sample('graphql_operations_total', 'outcome="(ok|client_error|server_error)"'),
      type('graphql_errors_total', 'counter'),
      type('event_bus_messages_total', 'counter'),
      type('event_bus_lag_seconds', 'histogram'),
      type('circuit_breaker_state', 'gauge'),
    ];
    const expected: Record<string, RegExp[]> = {
      gateway: [...everyService, sample('subgraph_fetch_duration_seconds_bucket', 'subgraph="stores"')],
      identity: [...everyService, sample('db_query_duration_seconds_bucket')],
      stores: [
        ...everyService,
        sample('db_query_duration_seconds_bucket'),
        sample('event_bus_messages_total', 'direction="publish"'),
      ],
      observability: [...everyService, sample('db_query_duration_seconds_bucket')],
    };
    for (const [name, patterns] of Object.entries(expected)) {
      const text = await signedMetrics(service(name).baseUrl, system.secrets.internalSigningSecret);
      for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
        // prom-client writes NaN as "Nan"; Prometheus parses the value case-insensitively.
        expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (-?[0-9.]+(e[+-]?[0-9]+)?|[Nn]a[Nn]|[+-]Inf)$/);
      }
      expect({ name, missing: patterns.filter((pattern) => !pattern.test(text)).map(String) }).toEqual({
        name,
        missing: [],
      });
    }
  });

  it('keeps /metrics the same size however many made-up operation names clients send', async () => {
    const read = (name: string) => signedMetrics(service(name).baseUrl, system.secrets.internalSigningSecret);
    // Node's own gauges add a series per kind (a fixed set: garbage collections, active handles and
    // requests such as FSReqCallback) when one first occurs; none of their labels come from clients.
    const samples = (text: string) =>
      text
        .split('\n')
        .filter(
          (line) =>
            line &&
            !line.startsWith('#') &&
            !/^nodejs_(gc_duration_seconds|active_resources|active_requests|active_handles)/.test(line),
        );
    // Each series once, without its value.
    const series = (text: string) => samples(text).map((line) => line.slice(0, line.lastIndexOf(' ')));
    const send = async (count: number, query: (name: string) => string, headers: Record<string, string> = {}) => {
      for (let start = 0; start < count; start += 100) {
        const batch = Array.from({ length: Math.min(100, count - start) }, (_, i) => `MadeUp${start + i}`);
        const answers = await Promise.all(batch.map((name) => graphql(system.gatewayUrl, query(name), {}, headers)));
        expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
      }
    };
    const gatewayQuery = (name: string) => `query ${name} { __typename }`;
    // The fetches the gateway plans carry the name on to the subgraph (`MadeUp1__stores__0`).
    const storesQuery = (name: string) => `query ${name} { stores(first: 1) { totalCount } }`;
    // Every series an unregistered operation makes exists once the first one has been answered.
    await send(1, gatewayQuery);
    await send(1, storesQuery, bearer(token));
    await Promise.all([read('gateway'), read('stores')]); // and so do those of reading /metrics
    const before = { gateway: await read('gateway'), stores: await read('stores') };

    await send(5_000, gatewayQuery);
    await send(300, storesQuery, bearer(token));

    const after = { gateway: await read('gateway'), stores: await read('stores') };
    for (const name of ['gateway', 'stores'] as const) {
      const known = new Set(series(before[name]));
      expect({ name, added: series(after[name]).filter((line) => !known.has(line)) }).toEqual({ name, added: [] });
      expect(after[name]).not.toContain('MadeUp');
      // Only counter values grew: a few bytes, where each new series would add about a kilobyte.
      expect(samples(after[name]).join('\n').length).toBeLessThan(samples(before[name]).join('\n').length * 1.05);
    }
    expect(after.gateway).toMatch(
      /^graphql_operation_duration_seconds_count\{[^}]*operation="unregistered"[^}]*\} \d+/m,
    );
  }, 120_000);

  it("refuses /metrics without the internal signature, while observability's signed scrapes get through", async () => {
    for (const name of ['gateway', 'identity', 'stores', 'observability']) {
      const unsigned = await fetch(`${service(name).baseUrl}/metrics`);
      expect({ name, status: unsigned.status }).toEqual({ name, status: 401 });
    }
    // identity's own counter of /metrics answers: observability's scrapes (each check) add to those this test reads.
    const scrapesAnswered = async () =>
      [
        ...(await signedMetrics(service('identity').baseUrl, system.secrets.internalSigningSecret)).matchAll(
          /^http_requests_total\{(?=[^}]*route="\/metrics")(?=[^}]*status="200")[^}]*\} (\d+)/gm,
        ),
      ].reduce((sum, match) => sum + Number(match[1]), 0);
    const first = await scrapesAnswered();
    let ownReads = 0;
    await eventually(async () => (await scrapesAnswered()) - first > ++ownReads + 1, 10_000);
    const services = (await gql('{ services { name status } }')).data?.services ?? [];
    expect(services.filter((s: any) => ['identity', 'stores'].includes(s.name) && s.status === 'UP')).toHaveLength(2);
  });
});
