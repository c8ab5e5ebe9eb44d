import { appendManyToOutbox, appendToOutbox } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { newSecret } from '../domain/secrets.ts';
import { sessionRevokedEvent, userLoggedInEvent } from '../domain/session-events.ts';
import type { RotationResult, SessionRepository } from './repositories.ts';

type Transaction = Prisma.TransactionClient;

/**
 * Revokes the live sessions matching `where` and records a SessionRevoked event for each, inside
 * the caller's transaction. Returns how many were revoked.
 */
export async function revokeSessions(
  tx: Transaction,
  where: Prisma.SessionWhereInput,
  reason: string,
  now: Date,
): Promise<number> {
  const live = await tx.session.findMany({ where: { ...where, revokedAt: null }, select: { id: true, userId: true } });
  if (live.length === 0) return 0;
  await tx.session.updateMany({
    where: { id: { in: live.map((s) => s.id) }, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  await appendManyToOutbox(
    tx,
    live.map((session) => sessionRevokedEvent(session, reason)),
  );
  return live.length;
}

/** `onCommitted` is told after a transaction that recorded events commits (the outbox relay publishes them). */
export function createSessionRepository(db: PrismaClient, onCommitted: () => void): SessionRepository {
  return {
    async start(
      userId: string,
      ttlSeconds: number,
      meta: { userAgent: string | null; ipAddress: string | null },
      now: Date,
    ) {
      const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
      const refresh = newSecret('rt');
      const session = await db.$transaction(async (tx) => {
        const created = await tx.session.create({
          data: { userId, expiresAt, ...meta, refreshTokens: { create: { tokenHash: refresh.hash, expiresAt } } },
        });
        await appendToOutbox(tx, userLoggedInEvent({ sessionId: created.id, userId }));
        return created;
      });
      onCommitted();
      return { sessionId: session.id, refreshToken: refresh.secret };
    },

    // Spending is a conditional update, so of two concurrent uses of one token exactly one rotates.
    async rotate(tokenHash: string, now: Date): Promise<RotationResult> {
      const result = await db.$transaction(async (tx): Promise<RotationResult> => {
        const token = await tx.refreshToken.findUnique({
          where: { tokenHash },
          include: { session: { include: { user: true } } },
        });
        if (!token) return { outcome: 'invalid' };
        const { session } = token;
        const spent = await tx.refreshToken.updateMany({
          where: { id: token.id, usedAt: null },
          data: { usedAt: now },
        });
        if (spent.count === 0) {
          await revokeSessions(tx, { id: session.id }, 'refresh token reuse', now);
          return { outcome: 'reused' };
        }
        if (session.revokedAt || session.expiresAt <= now || token.expiresAt <= now || session.user.deactivatedAt)
          return { outcome: 'invalid' };
        const next = newSecret('rt');
        await tx.refreshToken.create({
          data: { sessionId: session.id, tokenHash: next.hash, expiresAt: session.expiresAt },
        });
        return { outcome: 'rotated', userId: session.userId, sessionId: session.id, refreshToken: next.secret };
      });
      if (result.outcome === 'reused') onCommitted();
      return result;
    },

    async revoke(sessionId: string, reason: string, now: Date): Promise<void> {
      if ((await db.$transaction((tx) => revokeSessions(tx, { id: sessionId }, reason, now))) > 0) onCommitted();
    },

    async revokeAllOf(userId: string, reason: string, now: Date): Promise<number> {
      const revoked = await db.$transaction((tx) => revokeSessions(tx, { userId }, reason, now));
      if (revoked > 0) onCommitted();
      return revoked;
    },

    async findLive(sessionId: string, userId: string, now: Date) {
      const session = await db.session.findFirst({
        where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now }, user: { deactivatedAt: null } },
        select: { id: true, user: { select: { id: true, role: true } } },
      });
      return session ? { sessionId: session.id, userId: session.user.id, role: session.user.role } : null;
    },
  };
}
