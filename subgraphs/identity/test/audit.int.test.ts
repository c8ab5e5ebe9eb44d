import { verifyAccessToken, type Principal } from '@switchyard/shared';
import { TEST_BACKENDS, codeOf, signedGraphQL, userPrincipal } from '@switchyard/testing';
import { startIdentity } from './support.ts';

const JWT_SECRET = 'j'.repeat(64);
const PASSWORD = 'a long enough password';
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken user { id } } }`;
const MY_SESSIONS = `{ mySessions { id createdAt lastUsedAt clientAddress userAgentSummary current user { id } } }`;
const REVOKE_SESSION = 'mutation ($id: ID!) { revokeSession(id: $id) { id } }';
const SECURITY_EVENTS = `query ($filter: SecurityEventFilter, $first: Int, $after: String) {
  securityEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id type occurredAt actor { id } subject { id } email clientAddress userAgent detail } }
  } }`;
const CREATE_KEY = `mutation ($name: String!, $expiresAt: DateTime) {
  createApiKey(name: $name, scopes: ["stores:read"], expiresAt: $expiresAt) { secret apiKey { id expiresAt expiresSoon } } }`;
const ROTATE_KEY = `mutation ($id: ID!, $grace: Int) {
  rotateApiKey(id: $id, gracePeriodSeconds: $grace) { secret apiKey { id rotatedAt previousSecretExpiresAt } } }`;

/** Waits until the wall clock (what expiries are compared with) has passed `at`: a timer may fire a little early. */
async function wallClockPast(at: number): Promise<void> {
  while (Date.now() < at) await new Promise((resolve) => setTimeout(resolve, Math.min(at - Date.now(), 100)));
}

describe.each(TEST_BACKENDS)('sessions, API key expiry and rotation, and the security log (%s)', (backend) => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  let admin: Principal;
  const call = (principal: Principal | null, query: string, variables: Record<string, unknown> = {}) =>
    signedGraphQL(identity.url, identity.secret, principal, query, variables);

  /** Signs in through the API; the principal the gateway would forward for that session. */
  async function signIn(email: string, role: Principal['role'] = 'VIEWER'): Promise<Principal> {
    const result = await call(null, LOGIN, { email, password: PASSWORD });
    const claims = await verifyAccessToken(JWT_SECRET, result.data!.login.accessToken);
    return userPrincipal(role, { userId: claims.userId, sessionId: claims.sessionId });
  }

  async function addUser(email: string, role: Principal['role'] = 'VIEWER') {
    return identity.services.userAdmin.create({ email, password: PASSWORD, displayName: email, role });
  }

  const events = async (filter: Record<string, unknown>, first = 50) =>
    (await call(admin, SECURITY_EVENTS, { filter, first })).data!.securityEvents.edges.map(
      (edge: { node: Record<string, unknown> }) => edge.node,
    );

  beforeAll(async () => {
    identity = await startIdentity({ backend });
    await addUser('root@example.test', 'ADMIN');
    admin = await signIn('root@example.test', 'ADMIN');
  });
  afterAll(() => identity?.stop());

  it('lists the live sessions of the signed-in user, marks the current one, and ends another', async () => {
    await addUser('ann@example.test');
    const laptop = await signIn('ann@example.test');
    const phone = await signIn('ann@example.test');

    const listed = (await call(laptop, MY_SESSIONS)).data!.mySessions;
    expect(listed).toHaveLength(2);
    expect(listed.map((s: { id: string }) => s.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(listed.find((s: { current: boolean }) => s.current).id).toBe(laptop.sessionId);
    expect(listed[0]).toMatchObject({
      clientAddress: '127.0.0.1',
      userAgentSummary: 'jest',
      user: { id: laptop.userId },
    });

    expect((await call(laptop, REVOKE_SESSION, { id: phone.sessionId })).data!.revokeSession.id).toBe(phone.sessionId);
    expect(await identity.services.auth.authenticate({ sessionId: phone.sessionId!, userId: phone.userId })).toBeNull();
    expect((await call(laptop, MY_SESSIONS)).data!.mySessions.map((s: { id: string }) => s.id)).toEqual([
      laptop.sessionId,
    ]);
    // Ended already: nothing to end.
    expect(codeOf(await call(laptop, REVOKE_SESSION, { id: phone.sessionId }))).toBe('NOT_FOUND');
    const revoked = await identity.db.outboxEvent.findMany({
      where: { type: 'SessionRevoked', aggregateId: phone.sessionId! },
    });
    expect(revoked.map((e) => (e.payload as { reason: string }).reason)).toEqual(['revoked by its user']);
    expect(await events({ type: 'SESSION_REVOKED', userId: laptop.userId })).toEqual([
      expect.objectContaining({
        actor: { id: laptop.userId },
        subject: { id: laptop.userId },
        clientAddress: '127.0.0.1',
      }),
    ]);
  });

  it("keeps another user's sessions NOT_FOUND, except to an admin, who lists and ends them", async () => {
    await addUser('bob@example.test');
    await addUser('cy@example.test');
    const bob = await signIn('bob@example.test');
    const cy = await signIn('cy@example.test');

    expect(codeOf(await call(cy, REVOKE_SESSION, { id: bob.sessionId }))).toBe('NOT_FOUND');
    expect(codeOf(await call(cy, REVOKE_SESSION, { id: 'not-a-session' }))).toBe('NOT_FOUND');
    expect(codeOf(await call(cy, 'query ($id: ID!) { userSessions(userId: $id) { id } }', { id: bob.userId }))).toBe(
      'FORBIDDEN',
    );
    const listed = await call(admin, 'query ($id: ID!) { userSessions(userId: $id) { id current } }', {
      id: bob.userId,
    });
    expect(listed.data!.userSessions).toEqual([{ id: bob.sessionId, current: false }]);
    expect(
      codeOf(await call(admin, 'query { userSessions(userId: "00000000-0000-4000-8000-000000000000") { id } }')),
    ).toBe('NOT_FOUND');

    await call(admin, REVOKE_SESSION, { id: bob.sessionId });
    expect(await identity.services.auth.authenticate({ sessionId: bob.sessionId!, userId: bob.userId })).toBeNull();
    expect(await events({ type: 'SESSION_REVOKED', userId: bob.userId })).toEqual([
      expect.objectContaining({ actor: { id: admin.userId }, subject: { id: bob.userId } }),
    ]);
  });

  it('notes when a session was last used at most once a minute, not on every request', async () => {
    await addUser('dee@example.test');
    const dee = await signIn('dee@example.test');
    const credential = { sessionId: dee.sessionId!, userId: dee.userId };
    const lastUsed = async () =>
      (await identity.db.session.findUniqueOrThrow({ where: { id: dee.sessionId! } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await identity.services.auth.authenticate(credential);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await identity.services.auth.authenticate(credential);
    await identity.services.auth.authenticate(credential);
    expect(await lastUsed()).toEqual(first);
  });

  it('records failed and successful sign-ins with the address and the email tried', async () => {
    await addUser('eve@example.test');
    await call(null, LOGIN, { email: 'eve@example.test', password: 'not her password' });
    await call(null, LOGIN, { email: 'nobody@example.test', password: 'whatever it is' });
    const eve = await signIn('eve@example.test');

    const failures = await events({ type: 'SIGN_IN_FAILED' });
    expect(failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: 'eve@example.test',
          subject: { id: eve.userId },
          actor: null,
          clientAddress: '127.0.0.1',
          userAgent: 'jest',
          detail: JSON.stringify({ reason: 'wrong password' }),
        }),
        expect.objectContaining({
          email: 'nobody@example.test',
          subject: null,
          detail: JSON.stringify({ reason: 'unknown email' }),
        }),
      ]),
    );
    const successes = await events({ type: 'SIGN_IN_SUCCEEDED', userId: eve.userId });
    expect(successes).toEqual([expect.objectContaining({ actor: { id: eve.userId }, subject: { id: eve.userId } })]);
    expect(JSON.parse(successes[0].detail)).toEqual({ sessionId: eve.sessionId });
  });

  it("records an admin's changes to users and a user's own password change and sign-out, with their actor", async () => {
    const created = await call(
      admin,
      `mutation { createUser(input: { email: "fay@example.test", password: "${PASSWORD}", displayName: "Fay", role: VIEWER }) { id } }`,
    );
    const fayId = created.data!.createUser.id as string;
    await call(admin, 'mutation ($id: ID!) { updateUserRole(id: $id, role: OPERATOR) { id } }', { id: fayId });
    const fay = await signIn('fay@example.test', 'OPERATOR');
    await call(
      fay,
      `mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "another long password") }`,
    );
    await call(fay, 'mutation { logout }');
    await call(admin, 'mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: fayId });

    const log = await events({ userId: fayId });
    expect(log.map((e: { type: string }) => e.type)).toEqual([
      'USER_DEACTIVATED',
      'SIGNED_OUT',
      'PASSWORD_CHANGED',
      'SIGN_IN_SUCCEEDED',
      'ROLE_CHANGED',
      'USER_CREATED',
    ]);
    const actors = log.map((e: { actor: { id: string } | null }) => e.actor?.id);
    expect(actors).toEqual([admin.userId, fayId, fayId, fayId, admin.userId, admin.userId]);
    expect(JSON.parse(log[4].detail)).toEqual({ from: 'VIEWER', to: 'OPERATOR' });
    // The feed gets what no other outbox event carries already.
    const feed = await identity.db.outboxEvent.findMany({
      where: { aggregateId: fayId },
      orderBy: { sequence: 'asc' },
    });
    expect(feed.map((e) => e.type)).toEqual([
      'UserCreated',
      'UserRoleChanged',
      'UserLoggedIn',
      'PasswordChanged',
      'UserDeactivated',
    ]);
    expect(feed[0]!.actor).toEqual({ kind: 'user', id: admin.userId });
  });

  it('pages the log newest first with cursors, and refuses it to anyone but admins', async () => {
    const all = await events({}, 200);
    const first = (await call(admin, SECURITY_EVENTS, { first: 2 })).data!.securityEvents;
    expect(first.totalCount).toBe(all.length);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await call(admin, SECURITY_EVENTS, { first: 2, after: first.pageInfo.endCursor })).data!
      .securityEvents;
    expect([...first.edges, ...second.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual(
      all.slice(0, 4).map((e: { id: string }) => e.id),
    );
    const times = all.map((e: { occurredAt: string }) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await events({ since: future })).toEqual([]);
    expect(codeOf(await call(admin, SECURITY_EVENTS, { filter: { userId: 'nobody' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await call(admin, SECURITY_EVENTS, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await call(userPrincipal('OPERATOR'), SECURITY_EVENTS))).toBe('FORBIDDEN');
  });

  it('gives API keys an expiry in the future that stops them, and rotates them with a grace period', async () => {
    await addUser('gus@example.test', 'OPERATOR');
    const gus = await signIn('gus@example.test', 'OPERATOR');
    const past = await call(gus, CREATE_KEY, { name: 'late', expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });

    const soon = new Date(Date.now() + 1500);
    const short = (await call(gus, CREATE_KEY, { name: 'short', expiresAt: soon.toISOString() })).data!.createApiKey;
    expect(short.apiKey).toMatchObject({ expiresAt: soon.toISOString(), expiresSoon: true });
    expect(await identity.services.auth.authenticate({ apiKey: short.secret })).toMatchObject({
      expiresAt: soon.toISOString(),
    });
    await wallClockPast(soon.getTime() + 10);
    expect(await identity.services.auth.authenticate({ apiKey: short.secret })).toBeNull();
    expect(codeOf(await call(gus, ROTATE_KEY, { id: short.apiKey.id }))).toBe('CONFLICT');

    const kept = (await call(gus, CREATE_KEY, { name: 'kept' })).data!.createApiKey;
    expect(kept.apiKey).toMatchObject({ expiresAt: null, expiresSoon: false });
    expect(codeOf(await call(gus, ROTATE_KEY, { id: kept.apiKey.id, grace: 604_801 }))).toBe('BAD_USER_INPUT');
    const rotated = (await call(gus, ROTATE_KEY, { id: kept.apiKey.id, grace: 1 })).data!.rotateApiKey;
    expect(rotated.secret).not.toBe(kept.secret);
    expect(await identity.services.auth.authenticate({ apiKey: rotated.secret })).toMatchObject({
      apiKeyId: kept.apiKey.id,
      expiresAt: null,
    });
    expect(await identity.services.auth.authenticate({ apiKey: kept.secret })).toMatchObject({
      apiKeyId: kept.apiKey.id,
      expiresAt: rotated.apiKey.previousSecretExpiresAt,
    });
    await wallClockPast(Date.parse(rotated.apiKey.previousSecretExpiresAt) + 10);
    expect(await identity.services.auth.authenticate({ apiKey: kept.secret })).toBeNull();
    expect(await identity.services.auth.authenticate({ apiKey: rotated.secret })).not.toBeNull();

    const log = await events({ userId: gus.userId });
    expect(
      log.filter((e: { type: string }) => e.type.startsWith('API_KEY')).map((e: { type: string }) => e.type),
    ).toEqual(['API_KEY_ROTATED', 'API_KEY_CREATED', 'API_KEY_CREATED']);
    expect(log[0].detail).not.toContain(kept.secret);
    const feed = await identity.db.outboxEvent.findMany({
      where: { aggregateId: kept.apiKey.id },
      orderBy: { sequence: 'asc' },
    });
    expect(feed.map((e) => e.type)).toEqual(['ApiKeyCreated', 'ApiKeyRotated']);
  });
});
