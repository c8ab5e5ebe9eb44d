import { randomUUID } from 'node:crypto';
import {
  CONTEXT_HEADER,
  SIGNATURE_HEADER,
  SIGNED_CLIENT_ADDRESS_HEADER,
  encodeContext,
  signAccessToken,
  signClientAddress,
  signRequest,
} from '@switchyard/shared';
import { bearer, codesOf, graphql, signedMetrics } from '@switchyard/testing';
import { LOGIN, createApiKey, createUser as createTestUser, login as loginAt } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const ME = '{ me { id email role } }';
// What the web server shares with the gateway to pass on the browser's address.
const EDGE_SECRET = 'edge-'.repeat(8);
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email role } }`;
const REFRESH = `mutation ($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }`;

describe.each(ONE_BACKEND)('identity through the gateway (%s)', (backend) => {
  let system: System;
  let gateway: string;
  let adminToken: string;

  const login = (email: string, password: string) => loginAt(gateway, email, password);
  const createUser = (role: 'ADMIN' | 'OPERATOR' | 'VIEWER') => createTestUser(gateway, adminToken, role);

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity'], env: { EDGE_SIGNING_SECRET: EDGE_SECRET } });
    gateway = system.gatewayUrl;
    adminToken = (await login(system.admin.email, system.admin.password)).accessToken;
  });

  afterAll(async () => {
    await system?.destroy();
  });

  it('logs the bootstrap admin in and answers me', async () => {
    const response = await graphql(gateway, ME, {}, bearer(adminToken));
    expect(response.data.me).toMatchObject({ email: system.admin.email, role: 'ADMIN' });
    expect((await graphql(gateway, ME)).data.me).toBeNull();
  });

  it('lets users rename themselves, change their password (ending their other sessions) and sign out everywhere', async () => {
    const user = await createUser('VIEWER');
    const [here, elsewhere] = [await login(user.email, user.password), await login(user.email, user.password)];
    const as =
      (session: { accessToken: string }) =>
      (query: string, variables: Record<string, unknown> = {}) =>
        graphql(gateway, query, variables, bearer(session.accessToken));
    const RENAME = 'mutation ($name: String!) { updateMyProfile(displayName: $name) { displayName } }';
    const CHANGE =
      'mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }';

    expect((await as(here)(RENAME, { name: '   ' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'displayName',
    });
    expect((await as(here)(RENAME, { name: ' Vera Viewer ' })).data.updateMyProfile).toEqual({
      displayName: 'Vera Viewer',
    });

    expect(
      (await as(here)(CHANGE, { current: 'not the password', next: 'a brand new long password' })).errors?.[0]
        ?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    expect((await as(here)(CHANGE, { current: user.password, next: 'short' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
    });
    expect(
      (await as(here)(CHANGE, { current: user.password, next: 'a brand new long password' })).data.changePassword,
    ).toBe(true);
    // The session that changed it goes on; every other one has ended; only the new password signs in.
    expect((await as(here)(ME)).data.me).toMatchObject({ email: user.email });
    expect(codesOf(await as(elsewhere)(ME))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql(gateway, LOGIN, { email: user.email, password: user.password }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const fresh = await login(user.email, 'a brand new long password');

    expect((await as(here)('mutation { logoutEverywhere }')).data.logoutEverywhere).toBe(2);
    expect(codesOf(await as(here)(ME))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await as(fresh)(ME))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses direct subgraph calls without a valid gateway signature', async () => {
    const url = `${system.subgraphUrls.identity}/graphql`;
    const body = JSON.stringify({ query: ME });
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const admin = {
      kind: 'user',
      userId: randomUUID(),
      role: 'ADMIN',
      scopes: null,
      sessionId: randomUUID(),
      apiKeyId: null,
    } as const;
    const forged = encodeContext({ principal: admin, requestId: 'x', clientIp: null, userAgent: null });
    const wrongSecret = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CONTEXT_HEADER]: forged,
        [SIGNATURE_HEADER]: signRequest('f'.repeat(64), forged, body),
      },
      body,
    });
    expect(wrongSecret.status).toBe(401);

    const honest = encodeContext({ principal: null, requestId: 'y', clientIp: null, userAgent: null });
    const signature = signRequest(system.secrets.internalSigningSecret, honest, body);
    const swapped = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: forged, [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(swapped.status).toBe(401);
    const headers = { 'content-type': 'application/json', [CONTEXT_HEADER]: honest, [SIGNATURE_HEADER]: signature };
    expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(200);
    const replayed = await fetch(url, { method: 'POST', headers, body });
    expect(replayed.status).toBe(401);
    expect((await fetch(`${system.subgraphUrls.identity}/health`)).status).toBe(200);
  });

  it('refuses expired, malformed and wrongly signed access tokens', async () => {
    const { user } = await login(system.admin.email, system.admin.password);
    const expired = await signAccessToken(
      system.secrets.jwtSecret,
      { userId: user.id, sessionId: randomUUID() },
      60,
      new Date(Date.now() - 3_600_000),
    );
    const wrongKey = await signAccessToken('w'.repeat(64), { userId: user.id, sessionId: randomUUID() }, 600);
    for (const token of [expired.token, 'not.a.jwt', wrongKey.token]) {
      const response = await graphql(gateway, ME, {}, bearer(token));
      expect(response.status).toBe(401);
      expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
    }
    expect((await graphql(gateway, ME, {}, bearer(expired.token))).errors![0]!.message).toMatch(/expired/);
  });

  it('enforces roles: a VIEWER cannot create users', async () => {
    const viewer = await createUser('VIEWER');
    const { accessToken } = await login(viewer.email, viewer.password);
    const input = {
      email: `x-${randomUUID().slice(0, 8)}@example.test`,
      password: 'a long enough password',
      displayName: 'X',
      role: 'ADMIN',
    };
    expect(codesOf(await graphql(gateway, CREATE_USER, { input }, bearer(accessToken)))).toEqual(['FORBIDDEN']);
  });

  it('validates input with BAD_USER_INPUT naming the field, and reports duplicates as CONFLICT', async () => {
    const bad = await graphql(
      gateway,
      CREATE_USER,
      { input: { email: 'nope', password: 'a long enough password', displayName: 'X', role: 'VIEWER' } },
      bearer(adminToken),
    );
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const short = await graphql(
      gateway,
      CREATE_USER,
      { input: { email: 'a@b.test', password: 'short', displayName: 'X', role: 'VIEWER' } },
      bearer(adminToken),
    );
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const duplicate = await graphql(
      gateway,
      CREATE_USER,
      { input: { email: system.admin.email, password: 'a long enough password', displayName: 'X', role: 'VIEWER' } },
      bearer(adminToken),
    );
    expect(codesOf(duplicate)).toEqual(['CONFLICT']);
  });

  it('stops a revoked API key on the next request, and limits keys to their scopes', async () => {
    const { secret, id: apiKeyId } = await createApiKey(gateway, adminToken, ['identity:read']);
    const asKey = { 'x-api-key': secret };
    expect((await graphql(gateway, ME, {}, asKey)).data.me.email).toBe(system.admin.email);
    expect(codesOf(await graphql(gateway, '{ users { totalCount } }', {}, asKey))).toEqual(['FORBIDDEN']);
    expect(
      codesOf(
        await graphql(gateway, 'mutation { createApiKey(name: "k", scopes: ["stores:read"]) { secret } }', {}, asKey),
      ),
    ).toEqual(['FORBIDDEN']);

    const listed = await graphql(gateway, '{ apiKeys { id name lastUsedAt } }', {}, bearer(adminToken));
    expect(listed.data.apiKeys.find((k: { id: string }) => k.id === apiKeyId).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(secret);

    await graphql(
      gateway,
      'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKeyId },
      bearer(adminToken),
    );
    const afterRevoke = await graphql(gateway, ME, {}, asKey);
    expect(afterRevoke.status).toBe(401);
    expect(codesOf(afterRevoke)).toEqual(['UNAUTHENTICATED']);
  });

  it("stops a deactivated user's tokens, refresh tokens and API keys at once", async () => {
    const operator = await createUser('OPERATOR');
    const session = await login(operator.email, operator.password);
    const { secret } = await createApiKey(gateway, session.accessToken, ['identity:read']);
    expect((await graphql(gateway, ME, {}, bearer(session.accessToken))).data.me.id).toBe(operator.id);

    const deactivated = await graphql(
      gateway,
      'mutation ($id: ID!) { deactivateUser(id: $id) { deactivatedAt } }',
      { id: operator.id },
      bearer(adminToken),
    );
    expect(deactivated.data.deactivateUser.deactivatedAt).not.toBeNull();
    expect(codesOf(await graphql(gateway, ME, {}, bearer(session.accessToken)))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql(gateway, ME, {}, { 'x-api-key': secret }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql(gateway, REFRESH, { token: session.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql(gateway, LOGIN, { email: operator.email, password: operator.password }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('rotates refresh tokens and revokes the whole family when a spent one is reused', async () => {
    const viewer = await createUser('VIEWER');
    const first = await login(viewer.email, viewer.password);
    const rotated = await graphql(gateway, REFRESH, { token: first.refreshToken });
    const second = rotated.data.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await graphql(gateway, ME, {}, bearer(second.accessToken))).data.me.id).toBe(viewer.id);

    const reuse = await graphql(gateway, REFRESH, { token: first.refreshToken });
    expect(codesOf(reuse)).toEqual(['UNAUTHENTICATED']);
    expect(reuse.errors![0]!.message).toMatch(/revoked/);
    expect(codesOf(await graphql(gateway, REFRESH, { token: second.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql(gateway, ME, {}, bearer(second.accessToken)))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql(gateway, ME, {}, bearer(first.accessToken)))).toEqual(['UNAUTHENTICATED']);
  });

  it('ends the session on logout', async () => {
    const viewer = await createUser('VIEWER');
    const session = await login(viewer.email, viewer.password);
    expect((await graphql(gateway, 'mutation { logout }', {}, bearer(session.accessToken))).data.logout).toBe(true);
    expect(codesOf(await graphql(gateway, ME, {}, bearer(session.accessToken)))).toEqual(['UNAUTHENTICATED']);
  });

  it('slows an account only from the address that failed: five wrong passwords do not stop the right one from elsewhere', async () => {
    const viewer = await createUser('VIEWER');
    const from = (address: string) => ({ [SIGNED_CLIENT_ADDRESS_HEADER]: signClientAddress(EDGE_SECRET, address) });
    const attempt = (password: string, headers: Record<string, string>) =>
      graphql(gateway, LOGIN, { email: viewer.email, password }, headers);

    for (let i = 0; i < 5; i++) {
      const failed = await attempt('wrong password!', from('198.51.100.66'));
      // A failed login is a GraphQL answer (HTTP 200), as the README says; the code tells why.
      expect(failed.status).toBe(200);
      expect(codesOf(failed)).toEqual(['UNAUTHENTICATED']);
    }
    const slowed = await attempt(viewer.password, from('198.51.100.66'));
    expect(codesOf(slowed)).toEqual(['RATE_LIMITED']);
    expect(slowed.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);

    expect((await attempt(viewer.password, from('203.0.113.20'))).data?.login?.accessToken).toEqual(expect.any(String));
  });

  it('believes only a client address signed with the edge secret, not X-Forwarded-For or a forged signature', async () => {
    const viewer = await createUser('VIEWER');
    // Unsigned: counted against the connection's own address.
    for (let i = 0; i < 5; i++) await graphql(gateway, LOGIN, { email: viewer.email, password: 'wrong password!' });
    const forged = await graphql(
      gateway,
      LOGIN,
      { email: viewer.email, password: viewer.password },
      {
        'x-forwarded-for': '203.0.113.21',
        [SIGNED_CLIENT_ADDRESS_HEADER]: signClientAddress('not the edge secret, but long enough', '203.0.113.21'),
      },
    );
    expect(codesOf(forged)).toEqual(['RATE_LIMITED']);
  });

  it('pages through users with a cursor', async () => {
    await Promise.all([createUser('VIEWER'), createUser('VIEWER'), createUser('VIEWER')]);
    const query =
      'query ($after: String) { users(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const page: any = (await graphql(gateway, query, { after }, bearer(adminToken))).data.users;
      total = page.totalCount;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(codesOf(await graphql(gateway, '{ users(first: 0) { totalCount } }', {}, bearer(adminToken)))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('answers bad requests with clear 4xx and keeps serving', async () => {
    const post = (body: string) =>
      fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json())).not.toMatch(/at .*\.ts|stack/i);
    const invalid = await graphql(gateway, '{ me { id ');
    expect([invalid.status, codesOf(invalid)]).toEqual([400, ['GRAPHQL_PARSE_FAILED']]);
    const unknown = await graphql(gateway, '{ me { id shoeSize } }');
    expect([unknown.status, codesOf(unknown)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);
    const oversized = await post(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(2_000_000)}` }));
    expect(oversized.status).toBe(413);
    expect((await graphql(gateway, ME, {}, bearer(adminToken))).data.me.email).toBe(system.admin.email);
  });

  it('reports Prometheus metrics', async () => {
    const base = gateway.replace(/\/graphql$/, '');
    const metrics = await signedMetrics(base, system.secrets.internalSigningSecret);
    expect(metrics).toMatch(/^http_requests_total\{.*service="gateway".*\} \d+/m);
    expect(metrics).toMatch(/^graphql_errors_total\{.*code="UNAUTHENTICATED".*\} \d+/m);
  });

  it('keeps its data across a restart', async () => {
    const viewer = await createUser('VIEWER');
    await system.stop();
    await system.start();
    const session = await login(viewer.email, viewer.password);
    expect((await graphql(gateway, ME, {}, bearer(session.accessToken))).data.me.id).toBe(viewer.id);
    adminToken = (await login(system.admin.email, system.admin.password)).accessToken;
  });
});
