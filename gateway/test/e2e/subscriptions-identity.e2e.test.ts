import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';
import {
  bearer,
  collect,
  eventually,
  gatewayMetric,
  graphql,
  signedMetrics,
  subscriptionClient,
} from '@switchyard/testing';
import { login, signedInAs } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const SESSION_REVOKED = 'subscription { sessionRevoked { sessionId reason current } }';
const MAX_CONNECTIONS = 3;

describe.each(ONE_BACKEND)('subscriptions through the gateway: identity (%s)', (backend) => {
  let system: System;
  let adminToken: string;

  beforeAll(async () => {
    system = await startSystem(backend, {
      subgraphs: ['identity'],
      env: { WS_REAUTH_INTERVAL_MS: '500', WS_MAX_CONNECTIONS_PER_USER: String(MAX_CONNECTIONS) },
    });
    adminToken = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(() => system?.destroy());

  it('tells a user when another of their sessions is revoked, and closes the socket when the current one is', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const other = await login(system.gatewayUrl, user.email, user.password);
    const client = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${user.token}` });
    const events = collect(client, SESSION_REVOKED);
    await client.connected;

    await graphql(system.gatewayUrl, 'mutation { logout }', {}, bearer(other.accessToken));
    const [first] = await events.next(1);
    expect(first.data.sessionRevoked).toMatchObject({ reason: 'logout', current: false });

    await graphql(system.gatewayUrl, 'mutation { logout }', {}, bearer(user.token));
    const closed = await Promise.race([
      client.closed,
      new Promise((resolve) => setTimeout(() => resolve('still open'), 5_000).unref()),
    ]);
    expect(closed).toMatchObject({ code: 4401 });
    await client.dispose();
  });

  it('limits connections per user, and frees the place of every socket that closes, even mid-handshake', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const params = { authorization: `Bearer ${user.token}` };
    // A page that navigates away closes its socket while the gateway is still checking the token.
    for (let i = 0; i < MAX_CONNECTIONS * 3; i += 1) {
      const socket = new WebSocket(system.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: params }));
      socket.close();
      await new Promise((resolve) => socket.once('close', resolve));
    }
    // The gateway may still be checking the closed sockets' tokens, and nothing announces when it is done: give
    // it a moment, so that a place taken by a late check would show below as a refused connection.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const connected = (client: ReturnType<typeof subscriptionClient>) =>
      new Promise((resolve) => {
        client.on('connected', () => resolve('connected'));
        void client.closed.then((event) => resolve(event));
      });
    const open = Array.from({ length: MAX_CONNECTIONS }, () => subscriptionClient(system.gatewayUrl, params));
    for (const client of open) collect(client, SESSION_REVOKED);
    expect(await Promise.all(open.map(connected))).toEqual(open.map(() => 'connected'));
    const extra = subscriptionClient(system.gatewayUrl, params);
    collect(extra, SESSION_REVOKED);
    const refused = await Promise.race([
      extra.closed,
      new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000).unref()),
    ]);
    expect(refused).toMatchObject({ code: 4429 });
    await extra.dispose();
    // Closing one makes room for another.
    const connections = () =>
      gatewayMetric(system.gatewayUrl, system.secrets.internalSigningSecret, 'subscription_connections');
    const before = await connections();
    await open[0]!.dispose();
    await eventually(async () => (await connections()) < before);
    const replacement = subscriptionClient(system.gatewayUrl, params);
    expect(await connected(replacement)).toBe('connected');
    for (const client of [...open.slice(1), replacement]) await client.dispose();
  });

  it('refuses a socket without a token or with a bad one with 4401', async () => {
    for (const params of [{}, { authorization: 'Bearer not-a-token' }, { apiKey: 'sk_nope' }]) {
      const client = subscriptionClient(system.gatewayUrl, params);
      collect(client, SESSION_REVOKED);
      expect(await client.closed).toMatchObject({ code: 4401 });
      await client.dispose();
    }
  });

  it('refuses an API key subscribing to a user-only subscription with FORBIDDEN', async () => {
    const { createApiKey } = await import('@switchyard/testing/fixtures');
    const key = await createApiKey(system.gatewayUrl, adminToken, ['identity:read']);
    const client = subscriptionClient(system.gatewayUrl, { apiKey: key.secret });
    const events = collect(client, SESSION_REVOKED);
    const [result] = await events.next(1);
    expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
    await client.dispose();
  });

  it('serves the same subscriptions over Server-Sent Events, with the same authentication', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const other = await login(system.gatewayUrl, user.email, user.password);
    const streamUrl = system.gatewayUrl.replace(/\/graphql$/, '/graphql/stream');
    const active = async () =>
      Number(
        /^subscription_active(?:\{[^}]*\})? (\d+)/m.exec(
          await signedMetrics(system.gatewayUrl.replace(/\/graphql$/, ''), system.secrets.internalSigningSecret),
        )?.[1],
      );
    const activeBefore = await active();
    const sse = createSseClient({
      url: streamUrl,
      headers: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
    });
    const events = sse.iterate({ query: SESSION_REVOKED });
    const first = events.next();
    await eventually(async () => (await active()) > activeBefore);
    await graphql(system.gatewayUrl, 'mutation { logout }', {}, bearer(other.accessToken));
    expect(((await first).value as any).data.sessionRevoked).toMatchObject({ reason: 'logout', current: false });
    await events.return?.(undefined);
    sse.dispose();
    // The client left while no event was due: its federated subscription ends with it.
    expect(await eventually(async () => (await active()) === activeBefore)).toBe(true);

    const anonymous = await fetch(streamUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SESSION_REVOKED }),
    });
    expect(anonymous.status).toBe(401);
  });
});
