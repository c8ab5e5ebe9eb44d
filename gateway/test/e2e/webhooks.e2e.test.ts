import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { bearer, codeOf, eventually, freePort, graphql, listen } from '@switchyard/testing';
import { createSimulator, type Simulator } from '../../../subgraphs/hardware/simulator/src/simulator.ts';
import { SEND_COMMAND, createApiKey, createStore, login, registerHub, signedInAs } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  at: number;
}
type Behaviour = (countSoFar: number) => { status: number; headers?: Record<string, string> };

/** A receiver whose answer depends on the path (one path per endpoint), keeping every request. */
async function startReceiver() {
  const hits: Hit[] = [];
  const behaviours = new Map<string, Behaviour>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const path = new URL(req.url!, 'http://receiver').pathname;
      const answer = behaviours.get(path)?.(hits.filter((hit) => hit.path === path).length) ?? { status: 200 };
      hits.push({ path, headers: req.headers, body, status: answer.status, at: Date.now() });
      res.writeHead(answer.status, answer.headers).end('thanks');
    });
  });
  const base = await listen(server);
  return {
    base,
    hits,
    on: (path: string, behaviour: Behaviour) => behaviours.set(path, behaviour),
    at: (path: string) => hits.filter((hit) => hit.path === path),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const ENDPOINT_FIELDS = 'id url status disabledReason eventTypes failingSince';
const CREATE = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const DELIVERIES = `query ($id: ID!, $filter: WebhookDeliveryFilter) {
  webhookDeliveries(endpointId: $id, filter: $filter, first: 200) {
    totalCount edges { node { id eventId eventType status attempts attemptLog { httpStatus latencyMs error responseSnippet } } } } }`;
const PING = 'mutation ($id: ID!) { pingWebhookEndpoint(id: $id) { id eventType status } }';
const UPDATE_STORE =
  'mutation ($id: ID!, $v: Int!, $name: String!) { updateStore(id: $id, expectedVersion: $v, input: { name: $name }) { version } }';

const envelopeOf = (hit: Hit) => JSON.parse(hit.body) as { id: string; type: string; occurredAt: string; data: any };
const verified = (secret: string, hit: Hit) => {
  new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
  return true;
};

describe.each(ONE_BACKEND)('webhooks (%s)', (backend) => {
  let system: System;
  let simulator: Simulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let token: string;
  const accessToken = randomBytes(16).toString('hex');
  const gql = (query: string, variables: Record<string, unknown> = {}, as = token) =>
    graphql(system.gatewayUrl, query, variables, bearer(as));
  const service = (name: string) => system.services.find((s) => s.name === name)!;
  const register = async (path: string, eventTypes: string[], as = token) => {
    const response = await gql(CREATE, { input: { url: `${receiver.base}${path}`, eventTypes } }, as);
    expect(response.errors).toBeUndefined();
    return response.data.createWebhookEndpoint as { secret: string; endpoint: { id: string } };
  };
  const deliveriesOf = async (id: string, filter: Record<string, unknown> = {}) =>
    (await gql(DELIVERIES, { id, filter })).data.webhookDeliveries;

  beforeAll(async () => {
    receiver = await startReceiver();
    simulator = await createSimulator({ accessToken, port: await freePort() });
    system = await startSystem(backend, {
      subgraphs: ['identity', 'stores', 'hardware', 'observability'],
      env: {
        SEED_DEMO_DATA: 'false',
        MONITORED_SERVICES: 'hardware',
        CHECK_INTERVAL_MS: '1000',
        HUB_POLL_INTERVAL_MS: '1000',
        HUB_TIMEOUT_MS: '1000',
        ACTIVITY_POLL_MS: '500',
        WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
        WEBHOOK_TIMEOUT_MS: '2000',
        WEBHOOK_RETRY_BASE_MS: '200',
        WEBHOOK_RETRY_MAX_MS: '1000',
        // Long enough that the flaky receiver's 500s never disable its endpoint on a loaded machine.
        WEBHOOK_DISABLE_AFTER_MS: '12000',
        WEBHOOK_BREAKER_FAILURES: '3',
        WEBHOOK_BREAKER_HALF_OPEN_MS: '500',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 180_000);
  afterAll(async () => {
    await simulator?.stop();
    await system?.destroy();
    await receiver?.close();
  });

  it('delivers a store change, a device toggle and a fired alert once each, signed by Standard Webhooks', async () => {
    const store = await createStore(system.gatewayUrl, token);
    const { hub } = await registerHub(system.gatewayUrl, token, {
      name: 'Webhook hub',
      baseUrl: simulator.url,
      appId: simulator.appId,
      accessToken,
      storeId: store.id,
    });
    const rule = await gql(
      'mutation { createAlertRule(input: { name: "hub gone", kind: HUB_OFFLINE, forSeconds: 0 }) { id } }',
    );
    expect(rule.errors).toBeUndefined();
    const { secret } = await register('/main', ['store.updated', 'device.event', 'alert.fired']);

    const updated = await gql(UPDATE_STORE, {
      id: store.id,
      v: store.version,
      name: `Renamed ${randomUUID().slice(0, 6)}`,
    });
    expect(updated.errors).toBeUndefined();
    const light = hub.devices.find((device: any) => device.label === 'Porch Light');
    expect((await gql(SEND_COMMAND, { deviceId: light.id, command: 'on' })).errors).toBeUndefined();
    await simulator.stop();

    const types = () => new Set(receiver.at('/main').map((hit) => envelopeOf(hit).type));
    await eventually(
      async () => ['store.updated', 'device.event', 'alert.fired'].every((type) => types().has(type)),
      40_000,
    );
    const hits = receiver.at('/main');
    for (const hit of hits) expect(verified(secret, hit)).toBe(true);
    // Each event once: every webhook-id and every envelope id appear a single time.
    expect(new Set(hits.map((hit) => hit.headers['webhook-id'])).size).toBe(hits.length);
    expect(new Set(hits.map((hit) => envelopeOf(hit).id)).size).toBe(hits.length);
    const storeUpdate = hits.map(envelopeOf).find((envelope) => envelope.type === 'store.updated')!;
    expect(storeUpdate.data).toMatchObject({ change: 'StoreUpdated', storeId: store.id, changedFields: ['name'] });
    expect(hits.map(envelopeOf).find((envelope) => envelope.type === 'device.event')!.data).toMatchObject({
      deviceId: light.id,
    });
    expect(hits.map(envelopeOf).find((envelope) => envelope.type === 'alert.fired')!.data).toMatchObject({
      status: 'FIRING',
      subject: hub.id,
    });
    // Nothing secret in any payload.
    for (const hit of hits) expect(hit.body).not.toContain(accessToken);
    await simulator.start();
  }, 90_000);

  it('delivers everything owed, in order per store, after the receiver answered 500 for a while', async () => {
    receiver.on('/flaky', (count) => ({ status: count < 6 ? 500 : 200 }));
    const { secret, endpoint } = await register('/flaky', ['store.created', 'store.updated']);
    const stores: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const store = await createStore(system.gatewayUrl, token);
      stores.push(store.id);
      for (let v = store.version; v < store.version + 3; v += 1) {
        const response = await gql(UPDATE_STORE, { id: store.id, v, name: `Flaky ${randomUUID().slice(0, 6)}` });
        expect(response.errors).toBeUndefined();
      }
    }
    const owed = stores.length * 4;
    const delivered = () => receiver.at('/flaky').filter((hit) => hit.status === 200);
    await eventually(async () => new Set(delivered().map((hit) => envelopeOf(hit).id)).size === owed, 60_000);

    for (const hit of receiver.at('/flaky')) expect(verified(secret, hit)).toBe(true);
    // A retry is the same delivery: one webhook-id per event, whatever the attempts.
    const idsByEvent = new Map<string, Set<string>>();
    for (const hit of receiver.at('/flaky'))
      idsByEvent.set(
        envelopeOf(hit).id,
        (idsByEvent.get(envelopeOf(hit).id) ?? new Set()).add(String(hit.headers['webhook-id'])),
      );
    for (const ids of idsByEvent.values()) expect(ids.size).toBe(1);
    // Per store: created first, then the updates in the order they happened. Delivery is at least
    // once: an attempt that timed out on a busy machine after the receiver answered is sent again
    // (same webhook-id, which receivers dedupe on), so order is judged on each event's first arrival.
    const firstArrivals = [...new Map(delivered().map((hit) => [envelopeOf(hit).id, envelopeOf(hit)])).values()];
    for (const storeId of stores) {
      const ofStore = firstArrivals.filter((envelope) => envelope.data.storeId === storeId);
      expect(ofStore.map((envelope) => envelope.type)).toEqual([
        'store.created',
        'store.updated',
        'store.updated',
        'store.updated',
      ]);
      const times = ofStore.map((envelope) => Date.parse(envelope.occurredAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
    const log = await deliveriesOf(endpoint.id);
    expect(log.totalCount).toBe(owed);
    expect(log.edges.every((edge: any) => edge.node.status === 'DELIVERED')).toBe(true);
    expect(log.edges.some((edge: any) => edge.node.attemptLog.some((attempt: any) => attempt.httpStatus === 500))).toBe(
      true,
    );
  }, 120_000);

  it('loses nothing when observability is killed (-9) mid-burst and restarted', async () => {
    const { endpoint } = await register('/burst', ['store.created']);
    const created: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      if (i === 4) await service('observability').stop('SIGKILL');
      created.push((await createStore(system.gatewayUrl, token)).id);
    }
    await service('observability').start();
    const arrived = () => new Set(receiver.at('/burst').map((hit) => envelopeOf(hit).data.storeId));
    await eventually(async () => created.every((id) => arrived().has(id)), 60_000);
    expect((await deliveriesOf(endpoint.id)).totalCount).toBe(created.length);
  }, 180_000);

  it('refuses private, loopback and non-http URLs with BAD_USER_INPUT on input.url', async () => {
    for (const url of [
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
      'ftp://example.com/x',
    ]) {
      const response = await gql(CREATE, { input: { url, eventTypes: ['store.created'] } });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe('input.url');
    }
    const { endpoint } = await register('/ok', ['store.created']);
    const moved = await gql(
      'mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { url: "http://192.168.1.5/" }) { id } }',
      {
        id: endpoint.id,
      },
    );
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
  });

  it('pings, redelivers with the same webhook-id, and signs with both secrets after a rotation', async () => {
    const { secret, endpoint } = await register('/misc', ['store.created']);
    const ping = (await gql(PING, { id: endpoint.id })).data.pingWebhookEndpoint;
    expect(ping).toMatchObject({ eventType: 'webhook.ping' });
    const first = await eventually(async () => receiver.at('/misc')[0]);
    expect(envelopeOf(first)).toMatchObject({ type: 'webhook.ping', data: { endpointId: endpoint.id } });
    expect(first.headers['webhook-id']).toBe(ping.id);
    expect(verified(secret, first)).toBe(true);

    const again = await gql('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id status } }', { id: ping.id });
    expect(again.data.redeliverWebhook).toEqual({ id: ping.id, status: 'PENDING' });
    const second = await eventually(async () => receiver.at('/misc')[1]);
    expect(second.headers['webhook-id']).toBe(ping.id);
    expect(second.body).toBe(first.body);

    const rotated = await gql(
      'mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { previousSecretExpiresAt } } }',
      { id: endpoint.id },
    );
    const newSecret = rotated.data.rotateWebhookSecret.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    expect(rotated.data.rotateWebhookSecret.endpoint.previousSecretExpiresAt).not.toBeNull();
    await gql(PING, { id: endpoint.id });
    const third = await eventually(async () => receiver.at('/misc')[2]);
    expect(String(third.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(secret, third)).toBe(true);
    expect(verified(newSecret, third)).toBe(true);
    expect(() => verified(`whsec_${randomBytes(32).toString('base64')}`, third)).toThrow();
  });

  it('waits out a 429 Retry-After, and ends a redirect FAILED without following it', async () => {
    receiver.on('/busy', (count) => (count === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 }));
    const busy = await register('/busy', ['store.created']);
    await gql(PING, { id: busy.endpoint.id });
    const [limited, accepted] = await eventually(
      async () => receiver.at('/busy').length >= 2 && receiver.at('/busy'),
      30_000,
    );
    // The backoff alone would have retried within WEBHOOK_RETRY_MAX_MS (1 s).
    expect(accepted!.at - limited!.at).toBeGreaterThanOrEqual(1_900);
    expect(accepted!.headers['webhook-id']).toBe(limited!.headers['webhook-id']);

    receiver.on('/moved', () => ({ status: 302, headers: { location: `${receiver.base}/elsewhere` } }));
    const moved = await register('/moved', ['store.created']);
    const ping = (await gql(PING, { id: moved.endpoint.id })).data.pingWebhookEndpoint;
    const failed = await eventually(async () =>
      (await deliveriesOf(moved.endpoint.id)).edges.find(
        (edge: any) => edge.node.id === ping.id && edge.node.status === 'FAILED',
      ),
    );
    expect(failed.node.attempts).toBe(1);
    expect(failed.node.attemptLog[0].httpStatus).toBe(302);
    expect(receiver.at('/elsewhere')).toHaveLength(0);
  });

  it('disables an endpoint failing for the whole window, tells its owner, and shows its breaker in monitoring', async () => {
    receiver.on('/down', () => ({ status: 503 }));
    const operator = await signedInAs(system.gatewayUrl, token, 'OPERATOR');
    const { endpoint } = await register('/down', ['store.created'], operator.token);
    await createStore(system.gatewayUrl, token);
    const breakerName = `webhook:${endpoint.id}`;
    await eventually(
      async () =>
        (await gql('{ circuitBreakers { service name state } }')).data.circuitBreakers.find(
          (breaker: any) =>
            breaker.name === breakerName && breaker.service === 'observability' && breaker.state !== 'CLOSED',
        ),
      30_000,
    );
    const disabled = await eventually(
      async () =>
        (await gql('{ webhookEndpoints { id status disabledReason } }', {}, operator.token)).data.webhookEndpoints.find(
          (candidate: any) => candidate.id === endpoint.id && candidate.status === 'DISABLED',
        ),
      30_000,
    );
    expect(disabled.disabledReason).toMatch(/No successful delivery since/);
    const entries = await eventually(async () => {
      const response = await gql(
        '{ activity(filter: { kinds: ["WebhookEndpointDisabled"] }) { edges { node { kind } } } }',
        {},
        operator.token,
      );
      return response.data?.activity.edges.length > 0 && response.data.activity.edges;
    });
    expect(entries[0].node.kind).toBe('WebhookEndpointDisabled');

    // Re-enabled, it delivers what was waiting once the receiver is back.
    receiver.on('/down', () => ({ status: 200 }));
    const enabled = await gql(
      'mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: true }) { status disabledReason } }',
      { id: endpoint.id },
      operator.token,
    );
    expect(enabled.data.updateWebhookEndpoint).toEqual({ status: 'ACTIVE', disabledReason: null });
    await eventually(async () => receiver.at('/down').some((hit) => hit.status === 200), 30_000);
  }, 90_000);

  it('keeps webhooks to operators and admins, operators to their own endpoints, and answers NOT_FOUND for unknown ids', async () => {
    const viewer = await signedInAs(system.gatewayUrl, token, 'VIEWER');
    expect(codeOf(await gql('{ webhookEndpoints { id } }', {}, viewer.token))).toBe('FORBIDDEN');
    expect(
      codeOf(await gql(CREATE, { input: { url: `${receiver.base}/v`, eventTypes: ['store.created'] } }, viewer.token)),
    ).toBe('FORBIDDEN');
    const catalogue = (await gql('{ webhookEventTypes { type description example adminOnly } }', {}, viewer.token)).data
      .webhookEventTypes;
    expect(catalogue.map((entry: any) => entry.type)).toEqual(
      expect.arrayContaining(['store.created', 'alert.fired', 'webhook.ping']),
    );
    for (const entry of catalogue)
      expect(JSON.parse(entry.example)).toMatchObject({ type: entry.type, data: expect.anything() });

    const operator = await signedInAs(system.gatewayUrl, token, 'OPERATOR');
    const adminOnly = await gql(
      CREATE,
      { input: { url: `${receiver.base}/o`, eventTypes: ['security.event'] } },
      operator.token,
    );
    expect(adminOnly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.eventTypes' });
    const admins = await register('/admins', ['store.created']);
    const own = await register('/own', ['store.created'], operator.token);
    expect((await gql('{ webhookEndpoints { id } }', {}, operator.token)).data.webhookEndpoints).toEqual([
      { id: own.endpoint.id },
    ]);
    expect(codeOf(await gql(PING, { id: admins.endpoint.id }, operator.token))).toBe('NOT_FOUND');

    // API keys: webhooks:read lists, and cannot write; a key without it cannot list.
    const reader = await createApiKey(system.gatewayUrl, token, ['webhooks:read']);
    const asKey = (secret: string, query: string, variables: Record<string, unknown> = {}) =>
      graphql(system.gatewayUrl, query, variables, { 'x-api-key': secret });
    const listed = await asKey(reader.secret, '{ webhookEndpoints { id } }');
    expect(listed.data.webhookEndpoints).toEqual(expect.arrayContaining([{ id: admins.endpoint.id }]));
    expect(codeOf(await asKey(reader.secret, PING, { id: admins.endpoint.id }))).toBe('FORBIDDEN');
    const storesOnly = await createApiKey(system.gatewayUrl, token, ['stores:read']);
    expect(codeOf(await asKey(storesOnly.secret, '{ webhookEndpoints { id } }'))).toBe('FORBIDDEN');

    const unknown = randomUUID();
    expect(codeOf(await gql(PING, { id: unknown }))).toBe('NOT_FOUND');
    expect(codeOf(await gql('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: unknown }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await gql('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }', { id: unknown }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await gql(DELIVERIES, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
    expect((await gql('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: own.endpoint.id })).data).toEqual(
      {
        deleteWebhookEndpoint: true,
      },
    );
  });
});
