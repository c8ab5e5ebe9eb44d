import { BadUserInputError, UnauthenticatedError, signAccessToken, type Principal } from '@switchyard/shared';
import type { IdentityConfig } from '../config.ts';
import type {
  ApiKeyRepository,
  LoginThrottleRepository,
  SecurityLogRepository,
  SessionRepository,
  UserRepository,
} from '../data/repositories.ts';
import { auditContextOf, auditEvent } from '../domain/audit-context.ts';
import type { LoginOrigin } from '../domain/login-throttle.ts';
import { hashPassword, verifyPassword } from '../domain/passwords.ts';
import { hashSecret } from '../domain/secrets.ts';
import type { User } from '../domain/types.ts';
import { claimLoginAttempt } from './login-attempts.ts';
import type { TwoFactorService } from './two-factor.ts';

export interface AuthServiceDeps {
  users: UserRepository;
  sessions: SessionRepository;
  apiKeys: ApiKeyRepository;
  throttle: LoginThrottleRepository;
  /** Where failed sign-ins are recorded (they change nothing else); without it they are not. */
  securityLog?: Pick<SecurityLogRepository, 'record'>;
  config: Pick<IdentityConfig, 'tokens' | 'loginThrottle' | 'passwordHashing'>;
  /** The second step of sign-in for accounts with two-factor on; without it every login is one step. */
  twoFactor?: Pick<TwoFactorService, 'isEnabled' | 'issueChallenge' | 'completeChallenge'>;
  now?: () => Date;
}

export interface ClientInfo {
  clientIp: string | null;
  userAgent: string | null;
  /** A long-lived id the client keeps (the web app's device cookie): logins from a known device are counted apart. */
  deviceId?: string | null;
}

export type AuthService = ReturnType<typeof createAuthService>;

const INVALID_CREDENTIALS = 'Invalid email or password';

/** Login, session rotation and the per-request credential check behind the gateway. */
export function createAuthService({
  users,
  sessions,
  apiKeys,
  throttle,
  securityLog,
  config,
  twoFactor,
  now = () => new Date(),
}: AuthServiceDeps) {
  /** A failed sign-in, with the email tried (kept even when no account has it) and why, then the error. */
  async function failed(
    email: string,
    subjectUserId: string | null,
    reason: string,
    client: ClientInfo,
    error: Error,
  ): Promise<never> {
    await securityLog?.record({
      ...auditEvent(auditContextOf(null, client.clientIp, client.userAgent), 'SIGN_IN_FAILED', subjectUserId, {
        reason,
      }),
      email,
    });
    throw error;
  }

  async function issue(user: User, sessionId: string, refreshToken: string) {
    const { token, expiresAt } = await signAccessToken(
      config.tokens.jwtSecret,
      { userId: user.id, sessionId },
      config.tokens.accessTtlSeconds,
      now(),
    );
    return { accessToken: token, refreshToken, expiresAt, user };
  }

  /** Claims an attempt before any password is checked; RATE_LIMITED while a key waits. */
  const claimAttempt = (email: string, origin: LoginOrigin, at: Date) =>
    claimLoginAttempt(throttle, config.loginThrottle, email, origin, at);

  async function openSession(userId: string, deviceHash: string | null, client: ClientInfo, at: Date) {
    const user = await users.recordLogin(userId, at);
    if (deviceHash) await throttle.rememberDevice(user.id, deviceHash, at);
    const session = await sessions.start(
      user.id,
      config.tokens.refreshTtlSeconds,
      { userAgent: client.userAgent, ipAddress: client.clientIp },
      at,
      // The actor is the user who just proved who they are.
      auditEvent(
        auditContextOf({ userId: user.id, apiKeyId: null }, client.clientIp, client.userAgent),
        'SIGN_IN_SUCCEEDED',
        user.id,
      ),
    );
    return issue(user, session.sessionId, session.refreshToken);
  }

  return {
    async login(email: string, password: string, client: ClientInfo) {
      const at = now();
      const deviceHash = client.deviceId ? hashSecret(client.deviceId) : null;
      const knownDevice = deviceHash && (await throttle.isKnownDevice(email, deviceHash)) ? deviceHash : null;
      const rules = await claimAttempt(email, { clientIp: client.clientIp, knownDevice }, at).catch((error: Error) =>
        failed(email, null, 'throttled', client, error),
      );

      const credentials = await users.findCredentialsByEmail(email);
      const valid = await verifyPassword(credentials?.passwordHash ?? null, password, config.passwordHashing.memoryKib);
      // A failure stays counted by the claim; a success clears the account's count from here.
      if (!credentials || !valid)
        return failed(
          email,
          credentials?.user.id ?? null,
          credentials ? 'wrong password' : 'unknown email',
          client,
          new UnauthenticatedError(INVALID_CREDENTIALS),
        );
      if (credentials.user.deactivatedAt)
        return failed(
          email,
          credentials.user.id,
          'account deactivated',
          client,
          new UnauthenticatedError('This account is deactivated'),
        );
      if (twoFactor && (await twoFactor.isEnabled(credentials.user.id))) {
        // No release here: the password's attempt stays counted until the code is right, so a
        // known password cannot wipe the count of code guesses.
        const device = { hash: deviceHash, known: Boolean(knownDevice) };
        return { secondFactor: await twoFactor.issueChallenge(credentials.user.id, device, at) };
      }
      await throttle.release(rules);
      return openSession(credentials.user.id, deviceHash, client, at);
    },

    /** The second step of a sign-in with two-factor: a right code for the challenge starts the session. */
    async completeSignIn(challengeToken: string, code: string, client: ClientInfo) {
      const origin = { ipAddress: client.clientIp, userAgent: client.userAgent };
      const { user, deviceHash } = await twoFactor!.completeChallenge(challengeToken, code, origin);
      return openSession(user.id, deviceHash, client, now());
    },

    async refresh(refreshToken: string) {
      const result = await sessions.rotate(hashSecret(refreshToken), now());
      if (result.outcome === 'reused')
        throw new UnauthenticatedError('Refresh token already used; the session has been revoked');
      if (result.outcome === 'invalid') throw new UnauthenticatedError('Invalid or expired refresh token');
      const user = await users.findById(result.userId);
      return issue(user!, result.sessionId, result.refreshToken);
    },

    async logout(principal: { userId: string; sessionId: string }, client: ClientInfo) {
      const audit = auditContextOf({ userId: principal.userId, apiKeyId: null }, client.clientIp, client.userAgent);
      await sessions.revoke(
        principal.sessionId,
        'logout',
        now(),
        auditEvent(audit, 'SIGNED_OUT', principal.userId, { sessionId: principal.sessionId }),
      );
    },

    logoutEverywhere: (userId: string, client: ClientInfo) =>
      sessions.revokeAllOf(
        userId,
        'signed out everywhere',
        now(),
        auditEvent(
          auditContextOf({ userId, apiKeyId: null }, client.clientIp, client.userAgent),
          'SIGNED_OUT',
          userId,
          {
            everywhere: true,
          },
        ),
      ),

    /** A wrong current password is a field error, counted like a failed login so it cannot be guessed here either. */
    async changePassword(
      user: { userId: string; sessionId: string | null },
      currentPassword: string,
      newPassword: string,
      client: ClientInfo,
    ) {
      const at = now();
      const account = await users.findById(user.userId);
      if (!account) throw new UnauthenticatedError('This account no longer exists');
      const rules = await claimAttempt(account.email, { clientIp: client.clientIp, knownDevice: null }, at);
      if (!(await verifyPassword(await users.passwordHashOf(user.userId), currentPassword)))
        throw new BadUserInputError('currentPassword', 'currentPassword: is not your current password');
      await throttle.release(rules);
      await users.changePassword(
        user.userId,
        await hashPassword(newPassword, config.passwordHashing.memoryKib),
        user.sessionId,
        at,
        auditEvent(
          auditContextOf({ userId: user.userId, apiKeyId: null }, client.clientIp, client.userAgent),
          'PASSWORD_CHANGED',
          user.userId,
        ),
      );
    },

    /** A session for a user who proved who they are another way (an accepted invitation). */
    startSession: (user: User, client: ClientInfo) =>
      openSession(user.id, client.deviceId ? hashSecret(client.deviceId) : null, client, now()),

    /**
     * The gateway asks this on every request, so revocations, deactivations and role changes take
     * effect on the very next one. Returns null when the credential is no longer good.
     */
    async authenticate(
      credential: { sessionId: string; userId: string } | { apiKey: string },
    ): Promise<Principal | null> {
      if ('apiKey' in credential) {
        const key = await apiKeys.findLive(hashSecret(credential.apiKey), now());
        return (
          key && {
            kind: 'apiKey',
            userId: key.userId,
            role: key.role,
            scopes: key.scopes,
            sessionId: null,
            apiKeyId: key.apiKeyId,
            expiresAt: key.expiresAt?.toISOString() ?? null,
          }
        );
      }
      const session = await sessions.findLive(credential.sessionId, credential.userId, now());
      return (
        session && {
          kind: 'user',
          userId: session.userId,
          role: session.role,
          scopes: null,
          sessionId: session.sessionId,
          apiKeyId: null,
        }
      );
    },
  };
}
