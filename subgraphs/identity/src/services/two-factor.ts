import { randomBytes } from 'node:crypto';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  UnauthenticatedError,
  createSealer,
  deriveSubkey,
  parseEncryptionKey,
  type Principal,
} from '@switchyard/shared';
import type { IdentityConfig } from '../config.ts';
import type {
  LoginThrottleRepository,
  StoredFactor,
  TwoFactorRepository,
  UserRepository,
} from '../data/repositories.ts';
import { hashSecret } from '../domain/secrets.ts';
import type { RequestOrigin, SecurityEventInput } from '../domain/security-events.ts';
import {
  hashRecoveryCode,
  isTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
  totpStep,
} from '../domain/two-factor.ts';
import type { User } from '../domain/types.ts';
import { claimLoginAttempt } from './login-attempts.ts';

/** How long the second step of a sign-in may take: enough to open an authenticator app, not more. */
export const CHALLENGE_TTL_SECONDS = 300;

export interface TwoFactorServiceDeps {
  repo: TwoFactorRepository;
  users: UserRepository;
  throttle: LoginThrottleRepository;
  config: Pick<IdentityConfig, 'tokens' | 'loginThrottle' | 'twoFactor'>;
  now?: () => Date;
}

/** Who asks and from where (a signed-in user changing their own second factor). */
export interface Actor {
  userId: string;
  origin: RequestOrigin;
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;

/**
 * TOTP enrolment, recovery codes, disabling, and the second step of sign-in. Every code that could
 * be guessed (sign-in, disable, regenerate) is counted by the login throttle like a password, a
 * TOTP code is accepted once per time step, and a recovery code once.
 */
export function createTwoFactorService({
  repo,
  users,
  throttle,
  config,
  now = () => new Date(),
}: TwoFactorServiceDeps) {
  const sealer = createSealer(
    deriveSubkey(
      parseEncryptionKey(config.twoFactor.encryptionKey ?? config.tokens.jwtSecret, 'identity')!,
      'identity',
      'totp-secret',
    ),
  );

  async function account(userId: string): Promise<User> {
    const user = await users.findById(userId);
    if (!user || user.deactivatedAt) throw new UnauthenticatedError('This account is no longer active');
    return user;
  }

  async function enabledFactor(userId: string): Promise<StoredFactor> {
    const factor = await repo.find(userId);
    if (!factor?.confirmedAt) throw new ConflictError('Two-factor sign-in is not on for this account');
    return factor;
  }

  /**
   * Checks a code of an enabled factor, counted like a password attempt (claimed first, released
   * when right): a TOTP code whose time step was not used yet or, when allowed, an unused recovery
   * code (spent here, RECOVERY_CODE_USED). Returns how it was verified, or null when wrong.
   */
  async function verify(
    user: User,
    factor: StoredFactor,
    input: {
      code: string;
      origin: RequestOrigin;
      device: { hash: string | null; known: boolean };
      allowRecovery: boolean;
    },
    at: Date,
  ): Promise<'totp' | 'recovery' | null> {
    const rules = await claimLoginAttempt(
      throttle,
      config.loginThrottle,
      user.email,
      { clientIp: input.origin.ipAddress, knownDevice: input.device.known ? input.device.hash : null },
      at,
    );
    const code = input.code.replace(/\s/g, '');
    let method: 'totp' | 'recovery' | null = null;
    if (isTotpCode(code)) {
      const step = totpStep(sealer.open(factor.secretEncrypted, user.id), code, at);
      if (step !== null && (await repo.claimStep(user.id, step))) method = 'totp';
    } else if (input.allowRecovery) {
      const normalized = normalizeRecoveryCode(code);
      const left =
        normalized &&
        (await repo.spendRecoveryCode(user.id, hashRecoveryCode(normalized), at, {
          type: 'RECOVERY_CODE_USED',
          actor: { userId: user.id },
          subjectUserId: user.id,
          email: user.email,
          origin: input.origin,
          at,
        }));
      if (typeof left === 'number') method = 'recovery';
    }
    if (method) await throttle.release(rules);
    return method;
  }

  /** The code of an action by a signed-in user: BAD_USER_INPUT on `code` when wrong. */
  async function requireCode(actor: Actor, code: string, allowRecovery: boolean, at: Date) {
    const user = await account(actor.userId);
    const factor = await enabledFactor(user.id);
    const device = { hash: null, known: false };
    if (!(await verify(user, factor, { code, origin: actor.origin, device, allowRecovery }, at)))
      throw new BadUserInputError(
        'code',
        allowRecovery
          ? 'code: is neither a current authenticator code nor an unused recovery code'
          : 'code: is not a current authenticator code',
      );
    return user;
  }

  /** Whether REQUIRE_2FA_FOR_ADMINS holds this user back until they enrol. */
  async function enrolmentRequired(user: { id: string; role: string }): Promise<boolean> {
    return config.twoFactor.requiredForAdmins && user.role === 'ADMIN' && !(await repo.isEnabled(user.id));
  }

  function event(type: SecurityEventInput['type'], user: User, actor: Actor, at: Date): SecurityEventInput {
    return {
      type,
      actor: { userId: actor.userId },
      subjectUserId: user.id,
      email: user.email,
      origin: actor.origin,
      at,
    };
  }

  return {
    async status(userId: string) {
      const factor = await repo.find(userId);
      const enabled = Boolean(factor?.confirmedAt);
      return {
        enabled,
        enabledAt: factor?.confirmedAt ?? null,
        recoveryCodesLeft: enabled ? await repo.recoveryCodesLeft(userId) : 0,
      };
    },

    /** A new secret for the user's authenticator app; nothing changes for sign-in until it is confirmed. */
    async beginEnrolment(userId: string) {
      const user = await account(userId);
      const secret = newTotpSecret();
      if (!(await repo.savePending(user.id, sealer.seal(secret, user.id))))
        throw new ConflictError('Two-factor sign-in is already on; turn it off first to enrol another app');
      return { secret, otpauthUri: otpauthUri(secret, user.email) };
    },

    /** Turns two-factor on once a code from the new secret is right; returns the ten recovery codes, shown once. */
    async confirmEnrolment(actor: Actor, code: string) {
      const at = now();
      const user = await account(actor.userId);
      const factor = await repo.find(user.id);
      if (!factor || factor.confirmedAt)
        throw new ConflictError('No enrolment is in progress: start one with beginTwoFactorEnrolment');
      const step = totpStep(sealer.open(factor.secretEncrypted, user.id), code.replace(/\s/g, ''), at);
      if (step === null) throw new BadUserInputError('code', 'code: is not the current code of your authenticator app');
      const codes = newRecoveryCodes();
      const confirmed = await repo.confirm(
        user.id,
        factor.secretEncrypted,
        step,
        codes.map((c) => hashRecoveryCode(normalizeRecoveryCode(c)!)),
        event('TWO_FACTOR_ENABLED', user, actor, at),
      );
      if (!confirmed) throw new ConflictError('The enrolment changed meanwhile: start again');
      return codes;
    },

    /** Replaces every recovery code; needs a current authenticator code (a recovery code cannot mint new ones). */
    async regenerateRecoveryCodes(actor: Actor, code: string) {
      const at = now();
      const user = await requireCode(actor, code, false, at);
      const codes = newRecoveryCodes();
      await repo.replaceRecoveryCodes(
        user.id,
        codes.map((c) => hashRecoveryCode(normalizeRecoveryCode(c)!)),
        event('RECOVERY_CODES_REGENERATED', user, actor, at),
      );
      return codes;
    },

    /** Turns two-factor off; needs a current authenticator code or a recovery code. */
    async disable(actor: Actor, code: string) {
      const at = now();
      if (config.twoFactor.requiredForAdmins && (await account(actor.userId)).role === 'ADMIN')
        throw new ForbiddenError('Two-factor sign-in is required for admins here (REQUIRE_2FA_FOR_ADMINS)');
      const user = await requireCode(actor, code, true, at);
      await repo.remove(user.id, event('TWO_FACTOR_DISABLED', user, actor, at));
    },

    isEnabled: (userId: string) => repo.isEnabled(userId),

    enrolmentRequired,

    /**
     * Identity's answer to the gateway's per-request credential check, with the enrolment flag set
     * where REQUIRE_2FA_FOR_ADMINS applies (a signed-in admin only: API keys are not interactive
     * sign-ins, and an admin held back cannot create one). One primary-key read, for admins only.
     */
    async markEnrolmentRequired(principal: Principal | null): Promise<Principal | null> {
      if (!principal || principal.kind !== 'user' || !config.twoFactor.requiredForAdmins) return principal;
      if (!(await enrolmentRequired({ id: principal.userId, role: principal.role }))) return principal;
      return { ...principal, twoFactorEnrolmentRequired: true };
    },

    /** The token of a sign-in's second step: opaque (not a JWT, so no API accepts it), stored as a hash. */
    async issueChallenge(userId: string, device: { hash: string | null; known: boolean }, at: Date) {
      const challengeToken = `tfc_${randomBytes(32).toString('base64url')}`;
      const expiresAt = new Date(at.getTime() + CHALLENGE_TTL_SECONDS * 1000);
      await repo.createChallenge(
        {
          userId,
          tokenHash: hashSecret(challengeToken),
          deviceHash: device.hash,
          deviceKnown: device.known,
          expiresAt,
        },
        at,
      );
      return { challengeToken, expiresAt };
    },

    /**
     * The second step: a right code spends the challenge and names the user to start a session for.
     * A wrong one is SIGN_IN_FAILED, counted by the login throttle and by the challenge, which ends
     * after LOGIN_MAX_FAILURES wrong codes (the password is asked again).
     */
    async completeChallenge(challengeToken: string, code: string, origin: RequestOrigin) {
      const at = now();
      const challenge = await repo.findLiveChallenge(hashSecret(challengeToken), at, config.loginThrottle.maxFailures);
      if (!challenge) throw new UnauthenticatedError('This sign-in has expired or was used; sign in again');
      const user = await account(challenge.userId);
      const factor = await enabledFactor(user.id).catch(() => {
        throw new UnauthenticatedError('This sign-in has expired or was used; sign in again');
      });
      const device = { hash: challenge.deviceHash, known: challenge.deviceKnown };
      const method = await verify(user, factor, { code, origin, device, allowRecovery: true }, at);
      if (!method) {
        await repo.countChallengeFailure(challenge.id);
        await repo.record({
          type: 'SIGN_IN_FAILED',
          actor: null,
          subjectUserId: user.id,
          email: user.email,
          origin,
          detail: { reason: 'wrong second-factor code' },
          at,
        });
        throw new BadUserInputError(
          'code',
          'code: is neither a current authenticator code nor an unused recovery code',
        );
      }
      if (!(await repo.spendChallenge(challenge.id, at)))
        throw new UnauthenticatedError('This sign-in has expired or was used; sign in again');
      return { user, deviceHash: challenge.deviceHash, method };
    },
  };
}
