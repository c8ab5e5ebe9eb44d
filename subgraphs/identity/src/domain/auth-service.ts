import { BadUserInputError, RateLimitedError, UnauthenticatedError, signAccessToken, type Principal } from '@switchyard/shared';
import type { ApiKeyRepository } from '../data/api-key-repository.ts';
import type { LoginThrottleRepository } from '../data/login-throttle-repository.ts';
import type { SessionRepository } from '../data/session-repository.ts';
import type { UserRepository } from '../data/user-repository.ts';
import type { IdentityConfig } from '../config.ts';
import { secondsLocked, throttleKeys } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { hashSecret } from './secrets.ts';
import type { User } from './types.ts';

export interface AuthServiceDeps {
  users: UserRepository;
  sessions: SessionRepository;
  apiKeys: ApiKeyRepository;
  throttle: LoginThrottleRepository;
  config: Pick<IdentityConfig, 'tokens' | 'loginThrottle'>;
  now?: () => Date;
}

export interface ClientInfo {
  clientIp: string | null;
  userAgent: string | null;
}

export type AuthService = ReturnType<typeof createAuthService>;

const INVALID_CREDENTIALS = 'Invalid email or password';

/** Login, session rotation and the per-request credential check behind the gateway. */
export function createAuthService({ users, sessions, apiKeys, throttle, config, now = () => new Date() }: AuthServiceDeps) {
  async function issue(user: User, sessionId: string, refreshToken: string) {
    const { token, expiresAt } = await signAccessToken(config.tokens.jwtSecret, { userId: user.id, sessionId }, config.tokens.accessTtlSeconds, now());
    return { accessToken: token, refreshToken, expiresAt, user };
  }

  return {
    async login(email: string, password: string, client: ClientInfo) {
      const at = now();
      const keys = throttleKeys(email, client.clientIp, config.loginThrottle);
      const wait = secondsLocked(await throttle.lockedUntil(keys.map((k) => k.key)), at);
      if (wait > 0) throw new RateLimitedError(`Too many failed logins; try again in ${wait} seconds`, wait);

      const credentials = await users.findCredentialsByEmail(email);
      const valid = await verifyPassword(credentials?.passwordHash ?? null, password);
      if (!credentials || !valid) {
        for (const { key, maxFailures } of keys) await throttle.recordFailure(key, maxFailures, config.loginThrottle.lockSeconds, at);
        throw new UnauthenticatedError(INVALID_CREDENTIALS);
      }
      if (credentials.user.deactivatedAt) throw new UnauthenticatedError('This account is deactivated');
      await throttle.clear(keys[0]!.key);
      const user = await users.recordLogin(credentials.user.id, at);
      const session = await sessions.start(user.id, config.tokens.refreshTtlSeconds, { userAgent: client.userAgent, ipAddress: client.clientIp }, at);
      return issue(user, session.sessionId, session.refreshToken);
    },

    async refresh(refreshToken: string) {
      const result = await sessions.rotate(hashSecret(refreshToken), now());
      if (result.outcome === 'reused') throw new UnauthenticatedError('Refresh token already used; the session has been revoked');
      if (result.outcome === 'invalid') throw new UnauthenticatedError('Invalid or expired refresh token');
      const user = await users.findById(result.userId);
      return issue(user!, result.sessionId, result.refreshToken);
    },

    async logout(sessionId: string) {
      await sessions.revoke(sessionId, 'logout', now());
    },

    logoutEverywhere: (userId: string) => sessions.revokeAllOf(userId, 'signed out everywhere', now()),

    /** A wrong current password is a field error, counted like a failed login so it cannot be guessed here either. */
    async changePassword(user: { userId: string; sessionId: string | null }, currentPassword: string, newPassword: string, client: ClientInfo) {
      const at = now();
      const account = await users.findById(user.userId);
      if (!account) throw new UnauthenticatedError('This account no longer exists');
      const keys = throttleKeys(account.email, client.clientIp, config.loginThrottle);
      const wait = secondsLocked(await throttle.lockedUntil(keys.map((k) => k.key)), at);
      if (wait > 0) throw new RateLimitedError(`Too many wrong passwords; try again in ${wait} seconds`, wait);
      if (!(await verifyPassword(await users.passwordHashOf(user.userId), currentPassword))) {
        for (const { key, maxFailures } of keys) await throttle.recordFailure(key, maxFailures, config.loginThrottle.lockSeconds, at);
        throw new BadUserInputError('currentPassword', 'currentPassword: is not your current password');
      }
      await users.changePassword(user.userId, await hashPassword(newPassword), user.sessionId, at);
    },

    /**
     * The gateway asks this on every request, so revocations, deactivations and role changes take
     * effect on the very next one. Returns null when the credential is no longer good.
     */
    async authenticate(credential: { sessionId: string; userId: string } | { apiKey: string }): Promise<Principal | null> {
      if ('apiKey' in credential) {
        const key = await apiKeys.findLive(hashSecret(credential.apiKey), now());
        return key && { kind: 'apiKey', userId: key.userId, role: key.role, scopes: key.scopes, sessionId: null, apiKeyId: key.apiKeyId };
      }
      const session = await sessions.findLive(credential.sessionId, credential.userId, now());
      return session && { kind: 'user', userId: session.userId, role: session.role, scopes: null, sessionId: session.sessionId, apiKeyId: null };
    },
  };
}
