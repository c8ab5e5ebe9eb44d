import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signAccessToken } from '@switchyard/shared';
import {
  bearer,
  collect,
  eventually,
  graphql,
  openEventStream,
  signedMetrics,
  subscriptionClient,
  type EventStream,
} from '@switchyard/testing';
import { login, signedInAs, type TestUser } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const SESSION_REVOKED = 'subscription { sessionRevoked { sessionId reason current } }';
const LIMIT = 5;
const REAUTH_MS = 500;

/**
 * Websockets and event streams held to their credential by one watch: logout, expiry, a role
 * change, renewal on a live socket, one per-user limit for both, one re-check per credential, and
 * errors of one operation that stay with that operation. The gateway outlives all of it.
 */
describe.each(ONE_BACKEND)('subscriptions and credentials through the gateway (%s)', (backend) => {
  let system: System;
  let adminToken: string;

  beforeAll(async () => {
    system = await startSystem(backend, {
      subgraphs: ['identity'],
      env: { WS_REAUTH_INTERVAL_MS: String(REAUTH_MS), WS_MAX_CONNECTIONS_PER_USER: String(LIMIT) },
    });
    adminToken = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(() => system?.destroy());

  const healthy = async () => (await fetch(system.gatewayUrl.replace(/\/graphql$/, '/health'))).ok;
  const logout = (token: string) => graphql(system.gatewayUrl, 'mutation { logout }', {}, bearer(token));
  /** A second session of `user`: logging it out sends an event to the user's sessionRevoked subscribers. */
  const otherSession = async (user: TestUser) =>
    (await login(system.gatewayUrl, user.email, user.password)).accessToken;
  /** An access token of the user's session that expires in `seconds`, signed as identity signs them. */
  const shortLived = async (token: string, seconds: number) => {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const signed = await signAccessToken(
      system.secrets.jwtSecret,
      { userId: claims.sub, sessionId: claims.sid },
      seconds,
    );
    return { token: signed.token, expiresAt: signed.expiresAt.getTime() };
  };
  /** A stream that is live: an event sent after it opened has arrived. */
  const liveStream = async (user: TestUser, token: string): Promise<EventStream> => {
    const stream = await openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(token));
    expect(stream.status).toBe(200);
    await logout(await otherSession(user));
    const [first] = await stream.next(1);
    expect(first.data.sessionRevoked).toMatchObject({ reason: 'logout', current: false });
    return stream;
  };
  /** A websocket subscription of another user that must keep working whatever happens to the first. */
  const bystander = async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const client = subscriptionClient(system.gatewayUrl, bearer(user.token));
    const events = collect(client, SESSION_REVOKED);
    await new Promise((resolve) => client.on('connected', resolve));
    return {
      async stillServed() {
        await logout(await otherSession(user));
        await events.next(events.results.length + 1);
        expect(events.error).toBeNull();
        await client.dispose();
      },
    };
  };

  // First in the file: every live credential is re-checked, so no other test's connection may be open.
  it('re-checks a credential once per interval, however many connections share it', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const authenticateCalls = async () =>
      [
        ...(await signedMetrics(system.subgraphUrls.identity!, system.secrets.internalSigningSecret)).matchAll(
          /^http_requests_total\{[^}]*authenticate[^}]*\} (\d+)/gm,
        ),
      ]
        .map((match) => Number(match[1]))
        .reduce((sum, count) => sum + count, 0);
    const streams = await Promise.all(
      Array.from({ length: LIMIT }, () =>
        openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(user.token)),
      ),
    );
    expect(streams.every((stream) => stream.status === 200)).toBe(true);
    const before = await authenticateCalls();
    const from = Date.now();
    await eventually(async () => Date.now() - from >= 10 * REAUTH_MS, 10_000, 100);
    const intervals = (Date.now() - from) / REAUTH_MS;
    const calls = (await authenticateCalls()) - before;
    // One call per interval for the shared credential (not LIMIT per interval), and a little slack for timing.
    expect(calls).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
    expect(calls).toBeGreaterThanOrEqual(Math.floor(intervals) - 2);
    for (const stream of streams) stream.close();
  });

  it('ends an event stream with UNAUTHENTICATED on logout; the gateway and other clients go on', async () => {
    const other = await bystander();
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const stream = await liveStream(user, user.token);

    await logout(user.token);
    // The user's own logout is an event too (current: true); the stream's last result says why it ended.
    const last = await eventually(async () => stream.results.find((result) => result.errors));
    expect(stream.results.at(-1)).toBe(last);
    expect(last.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(last.errors[0].extensions.reason).toBeUndefined();
    await eventually(async () => stream.completed && stream.ended);
    expect(await healthy()).toBe(true);
    await other.stillServed();
  });

  it('ends an event stream whose access token expires with TOKEN_EXPIRED, telling the client to reconnect', async () => {
    const other = await bystander();
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const short = await shortLived(user.token, 3);
    const stream = await openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(short.token));
    expect(stream.status).toBe(200);

    const last = await eventually(async () => stream.results.find((result) => result.errors), 15_000);
    expect(stream.results.at(-1)).toBe(last);
    expect(last.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(Date.now()).toBeGreaterThanOrEqual(short.expiresAt);
    await eventually(async () => stream.ended);
    expect(await healthy()).toBe(true);
    await other.stillServed();
  });

  it('ends an event stream with FORBIDDEN when the role changes', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const stream = await liveStream(user, user.token);
    const promoted = await graphql(
      system.gatewayUrl,
      'mutation ($id: ID!) { updateUserRole(id: $id, role: OPERATOR) { role } }',
      { id: user.id },
      bearer(adminToken),
    );
    expect(promoted.data.updateUserRole.role).toBe('OPERATOR');
    const [, last] = await stream.next(2);
    expect(last.errors[0].extensions.code).toBe('FORBIDDEN');
    await eventually(async () => stream.ended);
  });

  it('closes a websocket with 4401 on logout; the gateway and other clients go on', async () => {
    const other = await bystander();
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const client = subscriptionClient(system.gatewayUrl, bearer(user.token));
    collect(client, SESSION_REVOKED);
    await new Promise((resolve) => client.on('connected', resolve));
    await logout(user.token);
    expect(await client.closed).toMatchObject({ code: 4401 });
    expect(await healthy()).toBe(true);
    await other.stillServed();
  });

  it('closes a websocket whose token expires with 4440, and a client with a fresh token resumes its subscriptions', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const short = await shortLived(user.token, 2);
    const tokens = [short.token];
    const closes: number[] = [];
    const client = createWsClient({
      url: system.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      // The first connection uses the short-lived token, reconnections a fresh one (as a client that refreshed).
      connectionParams: () => bearer(tokens.shift() ?? user.token),
      retryAttempts: 3,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 100)),
      on: { closed: (event) => void closes.push((event as { code: number }).code) },
    });
    const events = collect(client, SESSION_REVOKED);
    await eventually(async () => closes.includes(4440), 10_000);
    await eventually(async () => {
      await logout(await otherSession(user));
      return events.results.length > 0;
    });
    expect(events.error).toBeNull();
    expect(closes).toEqual([4440]);
    await client.dispose();
    expect(await healthy()).toBe(true);
  });

  it('renews a live websocket from a ping carrying a fresh token: it outlives the first token', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const short = await shortLived(user.token, 4);
    const closes: number[] = [];
    const client = createWsClient({
      url: system.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: bearer(short.token),
      retryAttempts: 0,
      on: {
        connected: (socket) =>
          (socket as WebSocket).send(JSON.stringify({ type: 'ping', payload: bearer(user.token) })),
        closed: (event) => void closes.push((event as { code: number }).code),
      },
    });
    const events = collect(client, SESSION_REVOKED);
    // Several re-checks after the first token expired.
    await eventually(async () => Date.now() > short.expiresAt + 4 * REAUTH_MS, 10_000, 100);
    await logout(await otherSession(user));
    const [event] = await events.next(1);
    expect(event.data.sessionRevoked.reason).toBe('logout');
    expect(closes).toEqual([]);
    await client.dispose();
  });

  it('refuses a ping renewing a websocket with another user’s token: the socket closes to reconnect', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const stranger = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const client = subscriptionClient(system.gatewayUrl, bearer(user.token));
    collect(client, SESSION_REVOKED);
    client.on('connected', (socket) =>
      (socket as WebSocket).send(JSON.stringify({ type: 'ping', payload: bearer(stranger.token) })),
    );
    expect(await client.closed).toMatchObject({ code: 4403 });
  });

  it('counts websockets and event streams together against the per-user limit', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const sockets = Array.from({ length: 3 }, () => subscriptionClient(system.gatewayUrl, bearer(user.token)));
    for (const socket of sockets) collect(socket, SESSION_REVOKED);
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.on('connected', resolve))));
    const streams = [
      await openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(user.token)),
      await openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(user.token)),
    ];
    expect(streams.map((stream) => stream.status)).toEqual([200, 200]);

    const refusedStream = await openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(user.token));
    expect(refusedStream.status).toBe(429);
    expect(refusedStream.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refusedStream.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    const refusedSocket = subscriptionClient(system.gatewayUrl, bearer(user.token));
    collect(refusedSocket, SESSION_REVOKED);
    expect(await refusedSocket.closed).toMatchObject({ code: 4429 });

    // A closed stream makes room for a websocket, and the other way round.
    streams[0]!.close();
    const replacement = subscriptionClient(system.gatewayUrl, bearer(user.token));
    collect(replacement, SESSION_REVOKED);
    await eventually(async () => {
      const state = await Promise.race([
        new Promise((resolve) => replacement.on('connected', () => resolve('connected'))),
        replacement.closed,
      ]);
      return state === 'connected';
    });
    await sockets[0]!.dispose();
    const again = await eventually(async () => {
      const stream = await openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(user.token));
      if (stream.status === 200) return stream;
      return null;
    });
    for (const socket of [...sockets.slice(1), replacement]) await socket.dispose();
    for (const stream of [streams[1]!, again]) stream.close();
  });

  it('refuses 1,000 event streams of one user beyond the limit, and another user is unaffected', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const started = Date.now();
    const streams = await Promise.all(
      Array.from({ length: 1000 }, () =>
        openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(user.token)),
      ),
    );
    const elapsedMs = Date.now() - started;
    const statuses = streams.map((stream) => stream.status);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1000 - LIMIT);
    process.stdout.write(`1,000 event streams of one user: ${LIMIT} accepted, the rest refused, in ${elapsedMs} ms\n`);

    const other = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const theirs = await openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(other.token));
    expect(theirs.status).toBe(200);
    theirs.close();
    for (const stream of streams) stream.close();
    expect(await healthy()).toBe(true);
  });

  it('answers a bad subscribe on a websocket with its own error; the socket and its other subscriptions go on', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const client = subscriptionClient(system.gatewayUrl, bearer(user.token));
    const good = collect(client, SESSION_REVOKED);
    const bad = {
      GRAPHQL_PARSE_FAILED: collect(client, 'subscription { sessionRevoked { '),
      GRAPHQL_VALIDATION_FAILED: collect(client, 'subscription { sessionRevoked { nope } }'),
      BAD_USER_INPUT: collect(client, 'subscription ($n: Boolean!) { sessionRevoked { reason @include(if: $n) } }'),
    };
    for (const [code, subscription] of Object.entries(bad)) {
      await eventually(async () => subscription.error !== null);
      expect((subscription.error as { extensions: { code: string } }[])[0]!.extensions.code).toBe(code);
    }
    await logout(await otherSession(user));
    const [event] = await good.next(1);
    expect(event.data.sessionRevoked.reason).toBe('logout');
    const stillOpen = await Promise.race([client.closed, Promise.resolve('open')]);
    expect(stillOpen).toBe('open');
    await client.dispose();
  });

  it('answers a bad operation on an event stream with its error and code', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const cases = {
      GRAPHQL_PARSE_FAILED: { query: 'subscription { sessionRevoked { ' },
      GRAPHQL_VALIDATION_FAILED: { query: 'subscription { sessionRevoked { nope } }' },
      BAD_USER_INPUT: {
        query: 'subscription ($n: Boolean!) { sessionRevoked { reason @include(if: $n) } }',
        variables: {},
      },
    };
    for (const [code, request] of Object.entries(cases)) {
      const stream = await openEventStream(system.gatewayUrl, request, bearer(user.token));
      expect(stream.status).toBe(200);
      const [result] = await stream.next(1);
      expect(result.errors[0].extensions.code).toBe(code);
      expect(result.errors[0].message).not.toBe('Internal server error');
      await eventually(async () => stream.completed);
      stream.close();
    }
  });
});
