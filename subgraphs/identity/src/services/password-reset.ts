import { BadUserInputError, ConflictError, RateLimitedError } from '@switchyard/shared';
import { linkUrl, newLinkToken } from '../domain/account-links.ts';
import { passwordChangedMail, passwordResetMail } from '../domain/account-mails.ts';
import { hashPassword } from '../domain/passwords.ts';
import { resetRequestRules } from '../domain/recovery-throttle.ts';
import { hashSecret } from '../domain/secrets.ts';
import type { User } from '../domain/types.ts';
import { existingUser } from './existing-user.ts';
import { claimLinkAttempt, eventOf, type Caller, type RecoveryDeps } from './recovery-deps.ts';

export type PasswordReset = ReturnType<typeof createPasswordReset>;

export const RESET_PATH = '/reset-password';
const INVALID_LINK = 'This reset link is invalid, already used or expired: ask for a new one';

/**
 * Password reset by mail. A request answers the same, in the same time, for any address: what
 * differs between a known and an unknown one is done after the answer.
 */
export function createPasswordReset({
  users,
  links,
  lifecycle,
  throttle,
  mail,
  config,
  now = () => new Date(),
}: RecoveryDeps) {
  const ttl = config.recovery.passwordResetTtlSeconds;

  async function issueLink(user: User, caller: Caller, at: Date, byAdmin: boolean) {
    const { token, hash } = newLinkToken();
    await links.issue({
      purpose: 'PASSWORD_RESET',
      userId: user.id,
      tokenHash: hash,
      expiresAt: new Date(at.getTime() + ttl * 1000),
      now: at,
      event: {
        type: 'PASSWORD_RESET_REQUESTED',
        ...eventOf(caller),
        subjectUserId: user.id,
        email: user.email,
        detail: { byAdmin },
        at,
      },
    });
    mail.send(user.email, passwordResetMail(user.displayName, linkUrl(config.publicUrl, RESET_PATH, token), ttl));
  }

  return {
    /**
     * Only the throttle claims, the same for any address, happen before the answer; looking the
     * address up, writing the link or the log entry, and mailing happen after it.
     */
    async request(email: string, caller: Caller): Promise<void> {
      const at = now();
      const rules = resetRequestRules(email, caller.clientIp, config.recovery);
      const wait = await throttle.claim([rules.client], at);
      if (wait > 0) throw new RateLimitedError(`Too many requests; try again in ${wait} seconds`, wait);
      // Past the account's limit the answer stays the same: only the mail is held back.
      const accountAllowed = (await throttle.claim([rules.account], at)) === 0;
      mail.defer('password reset request', async () => {
        const found = await users.findCredentialsByEmail(email);
        const user = found && !found.user.deactivatedAt ? found.user : null;
        if (user && accountAllowed) return issueLink(user, caller, at, false);
        await lifecycle.record({
          type: 'PASSWORD_RESET_REQUESTED',
          ...eventOf(caller),
          subjectUserId: user?.id ?? null,
          email,
          detail: { mailed: false, reason: !user ? 'no active account' : 'too many requests for this address' },
          at,
        });
      });
    },

    /** An admin sends the link; the user's current password keeps working until the link is used. */
    async sendLink(userId: string, caller: Caller): Promise<void> {
      const user = await existingUser(users, userId);
      if (user.deactivatedAt) throw new ConflictError('This user is deactivated: reactivate them first');
      await issueLink(user, caller, now(), true);
    },

    async reset(token: string, newPassword: string, caller: Caller): Promise<void> {
      const at = now();
      const attempt = await claimLinkAttempt(throttle, caller, at);
      const passwordHash = await hashPassword(newPassword, config.passwordHashing.memoryKib);
      const redeemed = await links.redeemPasswordReset(hashSecret(token), passwordHash, at, (userId) => ({
        type: 'PASSWORD_RESET',
        ...eventOf(caller),
        actor: { userId },
        subjectUserId: userId,
        at,
      }));
      if (!redeemed) throw new BadUserInputError('token', INVALID_LINK);
      await attempt.release();
      mail.send(redeemed.user.email, passwordChangedMail(redeemed.user.displayName, at));
    },
  };
}
