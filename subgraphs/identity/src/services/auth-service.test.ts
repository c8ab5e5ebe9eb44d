import argon2 from 'argon2';
import { verifyAccessToken, type Role } from '@switchyard/shared';
import { createInMemoryIdentity, type InMemoryIdentity } from '../../test/fakes/in-memory-identity.ts';
import { createApiKeyService } from './api-key-service.ts';
import { DEFAULT_PASSWORD_MEMORY_KIB } from '../domain/passwords.ts';
import { createAuthService } from './auth-service.ts';

const JWT_SECRET = 'j'.repeat(64);
const PASSWORD = 'correct horse battery';
const config = {
  tokens: { jwtSecret: JWT_SECRET, accessTtlSeconds: 900, refreshTtlSeconds: 3600 },
  loginThrottle: { maxFailures: 3, lockSeconds: 60 },
  passwordHashing: { memoryKib: DEFAULT_PASSWORD_MEMORY_KIB },
};
const browser = { clientIp: '198.51.100.7', userAgent: 'test browser' };

describe('auth service', () => {
  let passwordHash: string;
  let now: Date;
  let fake: InMemoryIdentity;
  let auth: ReturnType<typeof createAuthService>;
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  /** A login of an account without two-factor sign-in: always a session. */
  const signIn = async (...args: Parameters<typeof auth.login>) => {
    const result = await auth.login(...args);
    if ('secondFactor' in result) throw new Error('unexpected second-factor challenge');
    return result;
  };
  const addUser = (email: string, role: Role = 'VIEWER') =>
    fake.users.create({ email, passwordHash, displayName: email, role });

  beforeAll(async () => {
    // Cheap parameters: a hash names its own, so verifying it is quick (production hashes use argon2's defaults).
    passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 });
  });

  beforeEach(() => {
    // Tokens are verified against the real clock, so the test clock starts at the real time (whole seconds).
    now = new Date(Math.floor(Date.now() / 1000) * 1000);
    fake = createInMemoryIdentity(() => now);
    auth = createAuthService({ ...fake, config, now: () => now });
  });

  describe('login', () => {
    it('issues an access token naming the user and a new session, and records the login', async () => {
      const ann = await addUser('ann@example.test');
      const result = await signIn('ann@example.test', PASSWORD, browser);

      const claims = await verifyAccessToken(JWT_SECRET, result.accessToken);
      expect(claims.userId).toBe(ann.id);
      expect(result.expiresAt).toEqual(new Date(now.getTime() + 900_000));
      expect(result.user).toMatchObject({ id: ann.id, lastLoginAt: now });
      expect(fake.rows.sessions.get(claims.sessionId)).toMatchObject({
        userId: ann.id,
        userAgent: 'test browser',
        ipAddress: '198.51.100.7',
        expiresAt: new Date(now.getTime() + 3_600_000),
        revokedAt: null,
      });
      expect(fake.events).toEqual([
        expect.objectContaining({ type: 'UserLoggedIn', payload: { userId: ann.id, sessionId: claims.sessionId } }),
      ]);
    });

    it('answers an unknown email exactly like a wrong password', async () => {
      await addUser('ann@example.test');
      const wrongPassword = await auth.login('ann@example.test', 'not the password', browser).catch((e: unknown) => e);
      const unknownEmail = await auth.login('nobody@example.test', PASSWORD, browser).catch((e: unknown) => e);
      expect(wrongPassword).toMatchObject({
        message: 'Invalid email or password',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(unknownEmail).toMatchObject({
        message: 'Invalid email or password',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(fake.rows.sessions.size).toBe(0);
    });

    it('slows an account from the failing address progressively, and lets the right password in after the wait', async () => {
      await addUser('ann@example.test');
      for (let i = 0; i < 3; i++)
        await expect(auth.login('ann@example.test', 'wrong', browser)).rejects.toMatchObject({
          extensions: { code: 'UNAUTHENTICATED' },
        });
      // The third failure (the limit) makes the next attempt from here wait 1 s, then 2 s, 4 s…
      await expect(auth.login('ann@example.test', PASSWORD, browser)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
      });
      later(1);
      await expect(auth.login('ann@example.test', 'wrong', browser)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
      await expect(auth.login('ann@example.test', PASSWORD, browser)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 2 },
      });
      expect(fake.rows.sessions.size).toBe(0);

      later(2);
      await expect(auth.login('ann@example.test', PASSWORD, browser)).resolves.toMatchObject({
        user: { email: 'ann@example.test' },
      });
    });

    it('caps the wait at the lock time', async () => {
      await addUser('ann@example.test');
      for (let i = 0; i < 12; i++) {
        await auth.login('ann@example.test', 'wrong', browser).catch(() => undefined);
        later(60);
      }
      expect(fake.rows.throttle.get('email:ann@example.test|ip:198.51.100.7')?.lockedUntil).toEqual(
        new Date(now.getTime()),
      );
    });

    it("does not stop the right password from another address because of one address's failures", async () => {
      await addUser('ann@example.test');
      for (let i = 0; i < 5; i++) await auth.login('ann@example.test', 'wrong', browser).catch(() => undefined);
      await expect(auth.login('ann@example.test', PASSWORD, browser)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED' },
      });
      await expect(
        auth.login('ann@example.test', PASSWORD, { ...browser, clientIp: '203.0.113.9' }),
      ).resolves.toMatchObject({ user: { email: 'ann@example.test' } });
    });

    it('lets a known device in past failures from its own address, and slows a guessing device on its own', async () => {
      await addUser('ann@example.test');
      const annsLaptop = { ...browser, deviceId: 'ann-laptop-0123456789' };
      await auth.login('ann@example.test', PASSWORD, annsLaptop);
      // Someone behind the same office address fails until the address itself is locked.
      for (let i = 0; i < 12; i++) {
        await addUser(`user-${i}@example.test`);
        for (let j = 0; j < 3; j++) await auth.login(`user-${i}@example.test`, 'wrong', browser).catch(() => undefined);
        later(10);
      }
      await expect(auth.login('ann@example.test', PASSWORD, browser)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED' },
      });
      await expect(auth.login('ann@example.test', PASSWORD, annsLaptop)).resolves.toBeDefined();

      // A device id is no master key: an unknown one counts like any other login from its address,
      // and a known one guessing wrong is slowed by its own count.
      const stranger = { ...browser, deviceId: 'made-up-device-id-000' };
      await expect(auth.login('ann@example.test', PASSWORD, stranger)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED' },
      });
      for (let i = 0; i < 3; i++) await auth.login('ann@example.test', 'wrong', annsLaptop).catch(() => undefined);
      await expect(auth.login('ann@example.test', PASSWORD, annsLaptop)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED' },
      });
    });

    it('locks a client address after four times the account limit, whichever accounts it tries', async () => {
      await addUser('ann@example.test');
      for (let i = 0; i < 4; i++) {
        await addUser(`user-${i}@example.test`);
        for (let j = 0; j < 3; j++) await auth.login(`user-${i}@example.test`, 'wrong', browser).catch(() => undefined);
      }

      await expect(auth.login('ann@example.test', PASSWORD, browser)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 60 },
      });
      await expect(
        auth.login('ann@example.test', PASSWORD, { ...browser, clientIp: '203.0.113.9' }),
      ).resolves.toMatchObject({ user: { email: 'ann@example.test' } });
    });

    it('does not count right passwords against a busy address', async () => {
      for (let i = 0; i < 15; i++) {
        await addUser(`user-${i}@example.test`);
        await auth.login(`user-${i}@example.test`, PASSWORD, browser);
      }
      expect(fake.rows.throttle.get('ip:198.51.100.7')).toMatchObject({ failures: 0, lockedUntil: null });
    });

    it('starts the account count afresh after a successful login', async () => {
      await addUser('ann@example.test');
      const twoWrong = async () => {
        for (let i = 0; i < 2; i++) await auth.login('ann@example.test', 'wrong', browser).catch(() => undefined);
      };
      await twoWrong();
      await auth.login('ann@example.test', PASSWORD, browser);
      await twoWrong();
      await expect(auth.login('ann@example.test', PASSWORD, browser)).resolves.toBeDefined();
      expect(fake.rows.throttle.has('email:ann@example.test|ip:198.51.100.7')).toBe(false);
    });

    it('refuses a deactivated account and starts no session', async () => {
      const ann = await addUser('ann@example.test');
      await fake.users.deactivate(ann.id, now);
      await expect(auth.login('ann@example.test', PASSWORD, browser)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(fake.rows.sessions.size).toBe(0);
    });
  });

  describe('refresh', () => {
    it('spends the refresh token and issues the next one for the same session', async () => {
      await addUser('ann@example.test');
      const first = await signIn('ann@example.test', PASSWORD, browser);
      const second = await auth.refresh(first.refreshToken);

      expect(second.refreshToken).not.toBe(first.refreshToken);
      const [before, after] = await Promise.all([
        verifyAccessToken(JWT_SECRET, first.accessToken),
        verifyAccessToken(JWT_SECRET, second.accessToken),
      ]);
      expect(after).toEqual(before);
      await expect(auth.refresh(second.refreshToken)).resolves.toMatchObject({ user: { email: 'ann@example.test' } });
    });

    it('revokes the whole session when a spent refresh token comes back', async () => {
      await addUser('ann@example.test');
      const first = await signIn('ann@example.test', PASSWORD, browser);
      const second = await auth.refresh(first.refreshToken);

      await expect(auth.refresh(first.refreshToken)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
      // The successor, in the hands of whoever holds it, is worthless now too.
      await expect(auth.refresh(second.refreshToken)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
      const { sessionId, userId } = await verifyAccessToken(JWT_SECRET, first.accessToken);
      expect(fake.rows.sessions.get(sessionId)).toMatchObject({ revokedReason: 'refresh token reuse' });
      expect(fake.events.filter((e) => e.type === 'SessionRevoked')).toEqual([
        expect.objectContaining({
          aggregateId: sessionId,
          payload: { userId, sessionId, reason: 'refresh token reuse' },
        }),
      ]);
      expect(await auth.authenticate({ sessionId, userId })).toBeNull();
    });

    it('refuses an unknown token, and one whose session has expired', async () => {
      await addUser('ann@example.test');
      await expect(auth.refresh('rt_not-a-token')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      const { refreshToken } = await signIn('ann@example.test', PASSWORD, browser);
      later(3600);
      await expect(auth.refresh(refreshToken)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });
  });

  describe('authenticate', () => {
    it('answers a live session with the current role, and null once it is logged out', async () => {
      await addUser('ann@example.test');
      const { accessToken, user } = await signIn('ann@example.test', PASSWORD, browser);
      const claims = await verifyAccessToken(JWT_SECRET, accessToken);

      await fake.users.updateRole(user.id, 'OPERATOR');
      expect(await auth.authenticate(claims)).toEqual({
        kind: 'user',
        userId: user.id,
        role: 'OPERATOR',
        scopes: null,
        sessionId: claims.sessionId,
        apiKeyId: null,
      });

      await auth.logout({ userId: user.id, sessionId: claims.sessionId }, { clientIp: null, userAgent: null });
      expect(await auth.authenticate(claims)).toBeNull();
      expect(fake.rows.sessions.get(claims.sessionId)).toMatchObject({ revokedReason: 'logout' });
    });

    it("answers an API key with its owner's role and its scopes, and null once revoked or the owner is deactivated", async () => {
      const owner = await addUser('ops@example.test', 'OPERATOR');
      const keys = createApiKeyService(fake.apiKeys, 's'.repeat(32), () => now);
      const kept = await keys.create({ userId: owner.id, role: 'OPERATOR' }, { name: 'kept', scopes: ['stores:read'] });
      const revoked = await keys.create(
        { userId: owner.id, role: 'OPERATOR' },
        { name: 'revoked', scopes: ['stores:read'] },
      );
      await keys.revoke({ userId: owner.id, role: owner.role }, revoked.apiKey.id);

      expect(await auth.authenticate({ apiKey: kept.secret })).toEqual({
        kind: 'apiKey',
        userId: owner.id,
        role: 'OPERATOR',
        scopes: ['stores:read'],
        sessionId: null,
        apiKeyId: kept.apiKey.id,
        expiresAt: null,
      });
      expect(await auth.authenticate({ apiKey: revoked.secret })).toBeNull();
      expect(await auth.authenticate({ apiKey: 'sk_unknown' })).toBeNull();

      await fake.users.deactivate(owner.id, now);
      expect(await auth.authenticate({ apiKey: kept.secret })).toBeNull();
    });

    it('tells the gateway when an API key expires, and refuses it from then on', async () => {
      const owner = await addUser('expiring@example.test', 'OPERATOR');
      const keys = createApiKeyService(fake.apiKeys, 's'.repeat(32), () => now);
      const expiresAt = new Date(now.getTime() + 60_000);
      const { secret } = await keys.create(
        { userId: owner.id, role: 'OPERATOR' },
        { name: 'short', scopes: ['stores:read'], expiresAt },
      );
      expect(await auth.authenticate({ apiKey: secret })).toMatchObject({ expiresAt: expiresAt.toISOString() });
      later(59);
      expect(await auth.authenticate({ apiKey: secret })).not.toBeNull();
      later(1);
      expect(await auth.authenticate({ apiKey: secret })).toBeNull();
    });
  });

  describe('changePassword', () => {
    it('sets the new password and ends every other session of the user, keeping this one', async () => {
      await addUser('ann@example.test');
      const here = await verifyAccessToken(
        JWT_SECRET,
        (await signIn('ann@example.test', PASSWORD, browser)).accessToken,
      );
      const elsewhere = await verifyAccessToken(
        JWT_SECRET,
        (await signIn('ann@example.test', PASSWORD, browser)).accessToken,
      );

      await auth.changePassword(here, PASSWORD, 'a brand new password', browser);

      expect(await auth.authenticate(here)).not.toBeNull();
      expect(await auth.authenticate(elsewhere)).toBeNull();
      expect(fake.rows.sessions.get(elsewhere.sessionId)).toMatchObject({ revokedReason: 'password changed' });
      await expect(auth.login('ann@example.test', PASSWORD, browser)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
      await expect(auth.login('ann@example.test', 'a brand new password', browser)).resolves.toBeDefined();
    });

    it('answers a wrong current password as a field error, counted like a failed login', async () => {
      const ann = await addUser('ann@example.test');
      const caller = { userId: ann.id, sessionId: null };
      for (let i = 0; i < 3; i++)
        await expect(auth.changePassword(caller, 'wrong', 'a brand new password', browser)).rejects.toMatchObject({
          extensions: { code: 'BAD_USER_INPUT', field: 'currentPassword' },
        });

      await expect(auth.changePassword(caller, PASSWORD, 'a brand new password', browser)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED' },
      });
      expect(fake.rows.users.get(ann.id)!.passwordHash).toBe(passwordHash);
    });
  });

  it('ends every session of the user on logoutEverywhere', async () => {
    const ann = await addUser('ann@example.test');
    await auth.login('ann@example.test', PASSWORD, browser);
    await auth.login('ann@example.test', PASSWORD, browser);

    expect(await auth.logoutEverywhere(ann.id, browser)).toBe(2);
    expect([...fake.rows.sessions.values()].map((s) => s.revokedReason)).toEqual([
      'signed out everywhere',
      'signed out everywhere',
    ]);
  });
});
