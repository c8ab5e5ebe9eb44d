import { CloseCode } from 'graphql-ws';
import { bearer, codeOf, graphql, subscriptionClient } from '@switchyard/testing';
import { login, signedInAs } from '@switchyard/testing/fixtures';
import { startSystem, type System } from '@switchyard/testing/system';

const ME = '{ me { id } }';
const CREATE_KEY = `mutation ($name: String!, $expiresAt: DateTime) {
  createApiKey(name: $name, scopes: ["identity:read"], expiresAt: $expiresAt) { secret apiKey { id expiresAt } } }`;
const ROTATE_KEY = `mutation ($id: ID!, $grace: Int) {
  rotateApiKey(id: $id, gracePeriodSeconds: $grace) { secret apiKey { previousSecretExpiresAt } } }`;
const SECURITY_EVENTS = `query ($filter: SecurityEventFilter) {
  securityEvents(filter: $filter, first: 100) { edges { node { type actor { id email } subject { id } email clientAddress detail } } } }`;

/** Waits until the wall clock (what identity compares expiries with) has passed `at`: a timer may fire a little early. */
async function sleepUntil(at: number): Promise<void> {
  while (Date.now() < at) await new Promise((resolve) => setTimeout(resolve, Math.min(at - Date.now(), 100)));
}

/**
 * Sessions, API key expiry and rotation, and the security log, through the gateway: what a client
 * sees, with the gateway's credential cache and revocation feed in the way (left at their defaults).
 */
describe('sessions, API key expiry and rotation, and the security log through the gateway', () => {
  let system: System;
  let adminToken: string;
  let adminId: string;

  beforeAll(async () => {
    system = await startSystem('pglite', { subgraphs: ['identity'], env: { SEED_DEMO_DATA: 'false' } });
    const session = await login(system.gatewayUrl, system.admin.email, system.admin.password);
    adminToken = session.accessToken;
    adminId = session.user.id;
  }, 120_000);
  afterAll(() => system?.destroy());

  const as = (token: string) => bearer(token);
  const withKey = (secret: string) => ({ 'x-api-key': secret });

  it("revoking session A from session B closes A's websocket and makes A's next request UNAUTHENTICATED", async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const sessionA = user.token;
    const sessionB = (await login(system.gatewayUrl, user.email, user.password)).accessToken;
    const socket = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${sessionA}` });
    await socket.connected;
    const closed = socket.closed.then(({ code }) => ({ code, at: Date.now() }));
    expect((await graphql(system.gatewayUrl, ME, {}, as(sessionA))).data.me.id).toBe(user.id);

    const listed = await graphql(
      system.gatewayUrl,
      '{ mySessions { id current userAgentSummary clientAddress } }',
      {},
      as(sessionB),
    );
    expect(listed.data.mySessions).toHaveLength(2);
    const other = listed.data.mySessions.find((s: { current: boolean }) => !s.current);
    expect(other.clientAddress).toBeTruthy();

    const revoked = await graphql(
      system.gatewayUrl,
      'mutation ($id: ID!) { revokeSession(id: $id) { id } }',
      { id: other.id },
      as(sessionB),
    );
    expect(revoked.errors).toBeUndefined();
    const revokedAt = Date.now();
    const { code, at } = await closed;
    console.info(`the revoked session's websocket closed ${at - revokedAt} ms after revokeSession`);
    expect(code).toBe(CloseCode.Unauthorized);
    expect(at - revokedAt).toBeLessThan(1_000);

    const next = await graphql(system.gatewayUrl, ME, {}, as(sessionA));
    expect(next.status).toBe(401);
    expect(codeOf(next)).toBe('UNAUTHENTICATED');
    expect((await graphql(system.gatewayUrl, ME, {}, as(sessionB))).data.me.id).toBe(user.id);
  });

  it('refuses an expired API key (UNAUTHENTICATED) within a second of its expiry, and closes its websocket then', async () => {
    const expiresAt = Date.now() + 2_500;
    const created = await graphql(
      system.gatewayUrl,
      CREATE_KEY,
      { name: 'short-lived', expiresAt: new Date(expiresAt).toISOString() },
      as(adminToken),
    );
    const { secret } = created.data.createApiKey;
    // Used once before: the gateway's cache has the key's answer.
    expect((await graphql(system.gatewayUrl, ME, {}, withKey(secret))).data.me.id).toBe(adminId);
    const socket = subscriptionClient(system.gatewayUrl, { apiKey: secret });
    await socket.connected;
    const closed = socket.closed.then(({ code }) => ({ code, at: Date.now() }));

    await sleepUntil(expiresAt + 50);
    const after = await graphql(system.gatewayUrl, ME, {}, withKey(secret));
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    const { code, at } = await closed;
    expect(code).toBe(CloseCode.Unauthorized);
    expect(at - expiresAt).toBeLessThan(1_000);

    const past = await graphql(
      system.gatewayUrl,
      CREATE_KEY,
      { name: 'already over', expiresAt: new Date(Date.now() - 60_000).toISOString() },
      as(adminToken),
    );
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
  });

  it('keeps a rotated-out secret working for the grace period only, and the new one after it', async () => {
    const created = await graphql(system.gatewayUrl, CREATE_KEY, { name: 'rotating' }, as(adminToken));
    const { secret: oldSecret, apiKey } = created.data.createApiKey;
    expect((await graphql(system.gatewayUrl, ME, {}, withKey(oldSecret))).data.me.id).toBe(adminId);

    const rotated = await graphql(system.gatewayUrl, ROTATE_KEY, { id: apiKey.id, grace: 3 }, as(adminToken));
    const { secret: newSecret } = rotated.data.rotateApiKey;
    const graceEnd = Date.parse(rotated.data.rotateApiKey.apiKey.previousSecretExpiresAt);
    expect(graceEnd).toBeGreaterThan(Date.now() + 2_000);
    expect((await graphql(system.gatewayUrl, ME, {}, withKey(newSecret))).data.me.id).toBe(adminId);
    expect((await graphql(system.gatewayUrl, ME, {}, withKey(oldSecret))).data.me.id).toBe(adminId);

    await sleepUntil(graceEnd + 50);
    expect(codeOf(await graphql(system.gatewayUrl, ME, {}, withKey(oldSecret)))).toBe('UNAUTHENTICATED');
    expect((await graphql(system.gatewayUrl, ME, {}, withKey(newSecret))).data.me.id).toBe(adminId);
  });

  it('shows every action in the security log with the right actor, and only to admins', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'OPERATOR');
    await graphql(system.gatewayUrl, LOGIN_WRONG, { email: user.email });
    const second = (await login(system.gatewayUrl, user.email, user.password)).accessToken;
    const sessions = await graphql(system.gatewayUrl, '{ mySessions { id current } }', {}, as(second));
    const first = sessions.data.mySessions.find((s: { current: boolean }) => !s.current);
    await graphql(
      system.gatewayUrl,
      'mutation ($id: ID!) { revokeSession(id: $id) { id } }',
      { id: first.id },
      as(second),
    );
    const created = await graphql(system.gatewayUrl, CREATE_KEY, { name: 'logged' }, as(second));
    const keyId = created.data.createApiKey.apiKey.id;
    await graphql(system.gatewayUrl, ROTATE_KEY, { id: keyId, grace: 0 }, as(second));
    // An admin revokes the user's key: the actor is the admin, the subject the key's owner.
    await graphql(
      system.gatewayUrl,
      'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: keyId },
      as(adminToken),
    );
    await graphql(
      system.gatewayUrl,
      'mutation ($id: ID!) { updateUserRole(id: $id, role: VIEWER) { id } }',
      { id: user.id },
      as(adminToken),
    );
    await graphql(system.gatewayUrl, 'mutation { logout }', {}, as(second));

    const answer = await graphql(system.gatewayUrl, SECURITY_EVENTS, { filter: { userId: user.id } }, as(adminToken));
    expect(answer.errors).toBeUndefined();
    const log = answer.data.securityEvents.edges.map((edge: { node: Record<string, any> }) => edge.node);
    expect(log.map((e: { type: string; actor: { id: string } | null }) => [e.type, e.actor?.id ?? null])).toEqual([
      ['SIGNED_OUT', user.id],
      ['ROLE_CHANGED', adminId],
      ['API_KEY_REVOKED', adminId],
      ['API_KEY_ROTATED', user.id],
      ['API_KEY_CREATED', user.id],
      ['SESSION_REVOKED', user.id],
      ['SIGN_IN_SUCCEEDED', user.id],
      ['SIGN_IN_FAILED', null],
      ['SIGN_IN_SUCCEEDED', user.id],
      ['USER_CREATED', adminId],
    ]);
    expect(log.every((e: { subject: { id: string } }) => e.subject.id === user.id)).toBe(true);
    expect(log[7]).toMatchObject({ email: user.email, clientAddress: expect.any(String) });
    expect(JSON.parse(log[1].detail)).toEqual({ from: 'OPERATOR', to: 'VIEWER' });

    const viewer = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    expect(codeOf(await graphql(system.gatewayUrl, SECURITY_EVENTS, {}, as(viewer.token)))).toBe('FORBIDDEN');
  });
});

const LOGIN_WRONG = `mutation ($email: String!) { login(email: $email, password: "certainly not the password") { accessToken } }`;
