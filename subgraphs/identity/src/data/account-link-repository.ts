import { ConflictError } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { AccountLinkPurpose } from '../domain/account-links.ts';
import type { SecurityEventInput } from '../domain/security-events.ts';
import type { AccountLinkRepository } from './repositories.ts';
import { recordSecurityEvent } from './security-log-repository.ts';
import { revokeSessions } from './session-repository.ts';

/**
 * Password-reset and email-change links (AccountLink rows). Every change here commits with its
 * security-log entry; `onCommitted` is told after a transaction that recorded outbox events
 * (SessionRevoked) commits.
 */
export function createAccountLinkRepository(db: PrismaClient, onCommitted: () => void): AccountLinkRepository {
  /** Spends the link if it is live: exactly one of two concurrent uses gets it. */
  async function spend(tx: Prisma.TransactionClient, tokenHash: string, purpose: AccountLinkPurpose, now: Date) {
    const link = await tx.accountLink.findUnique({ where: { tokenHash }, include: { user: true } });
    if (!link || link.purpose !== purpose || link.user.deactivatedAt) return null;
    const spent = await tx.accountLink.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    return spent.count === 1 ? link : null;
  }

  return {
    /**
     * A new link for the user; earlier unused links of the same purpose stop working, so only the
     * newest mail's link does.
     */
    async issue(input: {
      purpose: AccountLinkPurpose;
      userId: string;
      tokenHash: string;
      newEmail?: string;
      expiresAt: Date;
      now: Date;
      event: SecurityEventInput;
    }): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.accountLink.updateMany({
          where: { userId: input.userId, purpose: input.purpose, usedAt: null },
          data: { usedAt: input.now },
        });
        await tx.accountLink.create({
          data: {
            purpose: input.purpose,
            userId: input.userId,
            tokenHash: input.tokenHash,
            newEmail: input.newEmail ?? null,
            expiresAt: input.expiresAt,
          },
        });
        await recordSecurityEvent(tx, input.event);
      });
    },

    /**
     * Sets the password, spends the link (and any other reset link of the user) and ends every
     * session of the user, in one transaction: no session opened with the old password survives.
     * Null when the link is unknown, used, expired or its account deactivated.
     */
    async redeemPasswordReset(
      tokenHash: string,
      passwordHash: string,
      now: Date,
      event: (userId: string) => SecurityEventInput,
    ) {
      const result = await db.$transaction(async (tx) => {
        const link = await spend(tx, tokenHash, 'PASSWORD_RESET', now);
        if (!link) return null;
        await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
        await tx.accountLink.updateMany({
          where: { userId: link.userId, purpose: 'PASSWORD_RESET', usedAt: null },
          data: { usedAt: now },
        });
        const sessionsEnded = await revokeSessions(tx, { userId: link.userId }, 'password reset', now);
        await recordSecurityEvent(tx, { ...event(link.userId), detail: { sessionsEnded } });
        return { user: link.user, sessionsEnded };
      });
      if (result && result.sessionsEnded > 0) onCommitted();
      return result;
    },

    /**
     * Gives the user the link's new address. CONFLICT (field newEmail) when an account took it
     * meanwhile: the link is then not spent, so it can be used should the address become free.
     */
    async redeemEmailChange(
      tokenHash: string,
      now: Date,
      event: (userId: string, previousEmail: string, newEmail: string) => SecurityEventInput,
    ) {
      return db.$transaction(async (tx) => {
        const link = await spend(tx, tokenHash, 'EMAIL_CHANGE', now);
        if (!link || !link.newEmail) return null;
        const taken = await tx.user.findUnique({ where: { email: link.newEmail }, select: { id: true } });
        if (taken) throw new ConflictError('An account with this email address exists', { field: 'newEmail' });
        const user = await tx.user.update({ where: { id: link.userId }, data: { email: link.newEmail } });
        await tx.accountLink.updateMany({
          where: { userId: link.userId, purpose: 'EMAIL_CHANGE', usedAt: null },
          data: { usedAt: now },
        });
        await recordSecurityEvent(tx, event(user.id, link.user.email, link.newEmail));
        return { user, previousEmail: link.user.email };
      });
    },
  };
}
