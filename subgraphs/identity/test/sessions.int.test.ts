import { createInternalClient } from '@switchyard/shared';
import { signedGraphQL } from '@switchyard/shared/testing';
import { startIdentity } from './support.ts';

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { refreshToken user { id } } }';
const REFRESH = 'mutation ($token: String!) { refreshSession(refreshToken: $token) { refreshToken } }';

describe('identity sessions on a real database', () => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  const call = (query: string, variables: Record<string, unknown>) => signedGraphQL(identity.url, identity.secret, null, query, variables);

  beforeAll(async () => {
    identity = await startIdentity();
    await identity.services.userAdmin.create({ email: 'ann@example.test', password: 'a long enough password', displayName: 'Ann', role: 'VIEWER' });
  });
  afterAll(() => identity?.stop());

  it('lets exactly one of ten concurrent uses of a refresh token rotate it, and revokes the family', async () => {
    const { refreshToken } = (await call(LOGIN, { email: 'ann@example.test', password: 'a long enough password' })).data!.login;
    const results = await Promise.all(Array.from({ length: 10 }, () => call(REFRESH, { token: refreshToken })));
    const rotated = results.filter((r) => r.data?.refreshSession);
    expect(rotated).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED')).toHaveLength(9);
    const successor = rotated[0]!.data!.refreshSession.refreshToken;
    expect((await call(REFRESH, { token: successor })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sessions = await identity.db.session.findMany({ where: { user: { email: 'ann@example.test' } } });
    expect(sessions.map((s) => s.revokedReason)).toEqual(['refresh token reuse']);
  });

  it('records each login as a UserLoggedIn event, in order per user', async () => {
    const first = (await call(LOGIN, { email: 'ann@example.test', password: 'a long enough password' })).data!.login;
    await call(LOGIN, { email: 'ann@example.test', password: 'a long enough password' });
    const events = await identity.db.outboxEvent.findMany({ where: { type: 'UserLoggedIn', aggregateId: first.user.id }, orderBy: { sequence: 'asc' } });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_e, i) => i + 1));
    expect(events.at(-1)).toMatchObject({ aggregateType: 'User', actor: { kind: 'user', id: first.user.id }, payload: { userId: first.user.id } });
  });

  it('counts concurrent failed logins and locks the account', async () => {
    await identity.services.userAdmin.create({ email: 'bob@example.test', password: 'a long enough password', displayName: 'Bob', role: 'VIEWER' });
    const attempts = await Promise.all(Array.from({ length: 3 }, () => call(LOGIN, { email: 'bob@example.test', password: 'wrong password' })));
    expect(attempts.map((a) => a.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const locked = await call(LOGIN, { email: 'bob@example.test', password: 'a long enough password' });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const row = await identity.db.loginThrottle.findUnique({ where: { key: 'email:bob@example.test' } });
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('records the revocation in its outbox and serves it on the internal event feed', async () => {
    const client = createInternalClient({ internalSigningSecret: identity.secret, timeoutMs: 5_000 });
    const feedUrl = identity.url.replace(/\/graphql$/, '/internal/events?after=2000-01-01T00:00:00.000Z');
    const { events } = await client.callJson<{ events: { type: string; payload: { reason: string } }[] }>(feedUrl, { principal: null, requestId: 'test', clientIp: null, userAgent: null });
    expect(events.filter((e) => e.type === 'SessionRevoked').map((e) => e.payload.reason)).toEqual(['refresh token reuse']);
    expect(events.filter((e) => e.type === 'UserLoggedIn').length).toBeGreaterThanOrEqual(3);
    await client.close();
  });

  it('stores API keys and refresh tokens only as hashes', async () => {
    const rows = await identity.db.refreshToken.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const user = await identity.db.user.findUniqueOrThrow({ where: { email: 'ann@example.test' } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('identity internal routes', () => {
  it('looks up active users by id for other subgraphs, only with the gateway signature', async () => {
    const identity = await startIdentity();
    try {
      const carol = await identity.services.userAdmin.create({ email: 'carol@example.test', password: 'a long enough password', displayName: 'Carol', role: 'VIEWER' });
      const lookupUrl = identity.url.replace(/\/graphql$/, '/internal/users/lookup');
      const client = createInternalClient({ internalSigningSecret: identity.secret, timeoutMs: 5_000 });
      const answer = await client.callJson<{ users: unknown[] }>(lookupUrl, { principal: null, requestId: 'test', clientIp: null, userAgent: null }, { ids: [carol.id] });
      expect(answer.users).toEqual([{ id: carol.id, email: 'carol@example.test', displayName: 'Carol' }]);
      const unsigned = await fetch(lookupUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [carol.id] }) });
      expect(unsigned.status).toBe(401);
      await client.close();
    } finally {
      await identity.stop();
    }
  });
});
