import { createHash } from 'node:crypto';
import { createInternalClient, eventFeedRoute, usersLookupRoute } from '@switchyard/shared';
import { codeOf, signedGraphQL, userPrincipal } from '@switchyard/testing';
import { startIdentity } from './support.ts';

const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { refreshToken user { id } } }';
const REFRESH = 'mutation ($token: String!) { refreshSession(refreshToken: $token) { refreshToken } }';

describe('identity sessions on a real database', () => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  const call = (query: string, variables: Record<string, unknown>) =>
    signedGraphQL(identity.url, identity.secret, null, query, variables);

  beforeAll(async () => {
    identity = await startIdentity();
    await identity.services.userAdmin.create({
      email: 'ann@example.test',
      password: 'a long enough password',
      displayName: 'Ann',
      role: 'VIEWER',
    });
  });
  afterAll(() => identity?.stop());

  it('lets exactly one of ten concurrent uses of a refresh token rotate it, and revokes the family', async () => {
    const { refreshToken } = (await call(LOGIN, { email: 'ann@example.test', password: 'a long enough password' }))
      .data!.login;
    const results = await Promise.all(Array.from({ length: 10 }, () => call(REFRESH, { token: refreshToken })));
    const rotated = results.filter((r) => r.data?.refreshSession);
    expect(rotated).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'UNAUTHENTICATED')).toHaveLength(9);
    const successor = rotated[0]!.data!.refreshSession.refreshToken;
    expect(codeOf(await call(REFRESH, { token: successor }))).toBe('UNAUTHENTICATED');
    const sessions = await identity.db.session.findMany({ where: { user: { email: 'ann@example.test' } } });
    expect(sessions.map((s) => s.revokedReason)).toEqual(['refresh token reuse']);
  });

  it('records each login as a UserLoggedIn event, in order per user', async () => {
    const first = (await call(LOGIN, { email: 'ann@example.test', password: 'a long enough password' })).data!.login;
    await call(LOGIN, { email: 'ann@example.test', password: 'a long enough password' });
    const events = await identity.db.outboxEvent.findMany({
      where: { type: 'UserLoggedIn', aggregateId: first.user.id },
      orderBy: { sequence: 'asc' },
    });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_e, i) => i + 1));
    expect(events.at(-1)).toMatchObject({
      aggregateType: 'User',
      actor: { kind: 'user', id: first.user.id },
      payload: { userId: first.user.id },
    });
  });

  it('gives sixty concurrent guesses from one address no more password checks than the limit', async () => {
    await identity.services.userAdmin.create({
      email: 'bob@example.test',
      password: 'a long enough password',
      displayName: 'Bob',
      role: 'VIEWER',
    });
    const attacker = { clientIp: '198.51.100.66', userAgent: 'guesser' };
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_v, i) =>
        identity.services.auth.login('bob@example.test', `guess ${i}`, attacker).then(
          () => 'SIGNED_IN',
          (error: { extensions: { code: string } }) => error.extensions.code,
        ),
      ),
    );
    // A password was checked only for the attempts answered UNAUTHENTICATED; the rest were refused before.
    expect(outcomes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(outcomes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(57);
    const row = await identity.db.loginThrottle.findUnique({
      where: { key: 'email:bob@example.test|ip:198.51.100.66' },
    });
    expect(row).toMatchObject({ failures: 3, lockedUntil: expect.any(Date) });

    // The attacker's address waits; Bob, from his own, does not.
    await expect(
      identity.services.auth.login('bob@example.test', 'a long enough password', {
        clientIp: '203.0.113.20',
        userAgent: 'bob',
        deviceId: 'bobs-phone-0123456789',
      }),
    ).resolves.toMatchObject({ user: { email: 'bob@example.test' } });
    expect(await identity.db.knownDevice.count({ where: { user: { email: 'bob@example.test' } } })).toBe(1);
  });

  it('records the revocation in its outbox and serves it on the internal event feed', async () => {
    const client = createInternalClient({ internalSigningSecret: identity.secret, timeoutMs: 5_000 });
    const feedUrl = new URL(`${eventFeedRoute.path}?after=2000-01-01T00:00:00.000Z`, identity.url).toString();
    const { events } = await client.callJson<{ events: { type: string; payload: { reason: string } }[] }>(feedUrl, {
      principal: null,
      requestId: 'test',
      clientIp: null,
      userAgent: null,
    });
    expect(events.filter((e) => e.type === 'SessionRevoked').map((e) => e.payload.reason)).toEqual([
      'refresh token reuse',
    ]);
    expect(events.filter((e) => e.type === 'UserLoggedIn').length).toBeGreaterThanOrEqual(3);
    await client.close();
  });

  it('stores API keys and refresh tokens only as their SHA-256, and passwords with argon2id', async () => {
    const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
    const dora = await identity.services.userAdmin.create({
      email: 'dora@example.test',
      password: 'a long enough password',
      displayName: 'Dora',
      role: 'OPERATOR',
    });
    const created = await signedGraphQL(
      identity.url,
      identity.secret,
      userPrincipal('OPERATOR', { userId: dora.id }),
      'mutation { createApiKey(name: "ci", scopes: ["stores:read"]) { secret apiKey { id } } }',
    );
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    const keyRow = await identity.db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(keyRow.secretHash).toBe(sha256(secret));
    expect(JSON.stringify(keyRow)).not.toContain(secret);

    const { refreshToken } = (await call(LOGIN, { email: 'dora@example.test', password: 'a long enough password' }))
      .data!.login;
    const tokenRows = await identity.db.refreshToken.findMany({ where: { session: { userId: dora.id } } });
    expect(tokenRows.map((row) => row.tokenHash)).toEqual([sha256(refreshToken)]);
    expect(JSON.stringify(tokenRows)).not.toContain(refreshToken);

    const user = await identity.db.user.findUniqueOrThrow({ where: { id: dora.id } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('identity internal routes', () => {
  it('looks up active users by id for other subgraphs, only with the gateway signature', async () => {
    const identity = await startIdentity();
    try {
      const carol = await identity.services.userAdmin.create({
        email: 'carol@example.test',
        password: 'a long enough password',
        displayName: 'Carol',
        role: 'VIEWER',
      });
      const lookupUrl = new URL(usersLookupRoute.path, identity.url).toString();
      const client = createInternalClient({ internalSigningSecret: identity.secret, timeoutMs: 5_000 });
      const answer = await client.callJson<{ users: unknown[] }>(
        lookupUrl,
        { principal: null, requestId: 'test', clientIp: null, userAgent: null },
        { ids: [carol.id] },
      );
      expect(answer.users).toEqual([{ id: carol.id, email: 'carol@example.test', displayName: 'Carol' }]);
      const unsigned = await fetch(lookupUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ids: [carol.id] }),
      });
      expect(unsigned.status).toBe(401);
      await client.close();
    } finally {
      await identity.stop();
    }
  });
});
