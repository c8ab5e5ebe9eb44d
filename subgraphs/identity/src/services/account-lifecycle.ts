import { BadUserInputError, ConflictError, NotFoundError, RateLimitedError, isUuid } from '@switchyard/shared';
import { linkUrl, maskEmail, newLinkToken } from '../domain/account-links.ts';
import { confirmEmailMail, emailChangedMail, emailChangeRequestedMail } from '../domain/account-mails.ts';
import { throttleRules } from '../domain/login-throttle.ts';
import { verifyPassword } from '../domain/passwords.ts';
import { hashSecret } from '../domain/secrets.ts';
import type { User } from '../domain/types.ts';
import { existingUser } from './existing-user.ts';
import { claimLinkAttempt, eventOf, type Caller, type RecoveryDeps } from './recovery-deps.ts';

export type AccountLifecycle = ReturnType<typeof createAccountLifecycle>;

export const CONFIRM_EMAIL_PATH = '/confirm-email';

/** Reactivation and email changes; an email changes only once its new address confirms it. */
export function createAccountLifecycle({
  users,
  links,
  lifecycle,
  throttle,
  mail,
  config,
  now = () => new Date(),
}: RecoveryDeps) {
  const ttl = config.recovery.emailChangeTtlSeconds;

  async function requestChange(user: User, newEmail: string, field: string, caller: Caller): Promise<void> {
    if (newEmail === user.email) throw new BadUserInputError(field, `${field}: is already this account's address`);
    if (await lifecycle.isEmailTaken(newEmail))
      throw new ConflictError('An account with this email address exists', { field });
    const at = now();
    const { token, hash } = newLinkToken();
    await links.issue({
      purpose: 'EMAIL_CHANGE',
      userId: user.id,
      tokenHash: hash,
      newEmail,
      expiresAt: new Date(at.getTime() + ttl * 1000),
      now: at,
      event: {
        type: 'EMAIL_CHANGE_REQUESTED',
        ...eventOf(caller),
        subjectUserId: user.id,
        email: user.email,
        detail: { newEmail },
        at,
      },
    });
    mail.send(newEmail, confirmEmailMail(user.displayName, linkUrl(config.publicUrl, CONFIRM_EMAIL_PATH, token), ttl));
    mail.send(user.email, emailChangeRequestedMail(user.displayName, maskEmail(newEmail)));
  }

  return {
    async reactivate(id: string, caller: Caller): Promise<User> {
      const user =
        isUuid(id) &&
        (await lifecycle.reactivate(id, {
          type: 'USER_REACTIVATED',
          ...eventOf(caller),
          subjectUserId: id,
          at: now(),
        }));
      if (!user) throw new NotFoundError('User', id);
      return user;
    },

    /** The signed-in user's own change: the current password is checked and counted like a sign-in. */
    async requestOwnChange(newEmail: string, currentPassword: string, caller: Caller): Promise<void> {
      const user = await existingUser(users, caller.principal!.userId);
      const at = now();
      const rules = throttleRules(user.email, { clientIp: caller.clientIp, knownDevice: null }, config.loginThrottle);
      const wait = await throttle.claim(rules, at);
      if (wait > 0) throw new RateLimitedError(`Too many failed attempts; try again in ${wait} seconds`, wait);
      const hash = await users.passwordHashOf(user.id);
      if (!(await verifyPassword(hash, currentPassword, config.passwordHashing.memoryKib)))
        throw new BadUserInputError('currentPassword', 'currentPassword: is not your current password');
      await throttle.release(rules);
      await requestChange(user, newEmail, 'newEmail', caller);
    },

    /** An admin's change of another user's address; the new address must still confirm it. */
    async requestChangeFor(id: string, newEmail: string, caller: Caller): Promise<void> {
      await requestChange(await existingUser(users, id), newEmail, 'newEmail', caller);
    },

    async confirmChange(token: string, caller: Caller): Promise<void> {
      const at = now();
      const attempt = await claimLinkAttempt(throttle, caller, at);
      const changed = await links.redeemEmailChange(hashSecret(token), at, (userId, previousEmail, newEmail) => ({
        type: 'EMAIL_CHANGED',
        ...eventOf(caller),
        actor: { userId },
        subjectUserId: userId,
        email: newEmail,
        detail: { previousEmail, newEmail },
        at,
      }));
      if (!changed) throw new BadUserInputError('token', 'This confirmation link is invalid, already used or expired');
      await attempt.release();
      mail.send(changed.previousEmail, emailChangedMail(changed.user.displayName, changed.user.email));
    },
  };
}
