import { appendManyToOutbox, appendToOutbox } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { newSecret } from '../domain/secrets.ts';
import type { SecurityEventInput } from '../domain/security-events.ts';
import { sessionRevokedEvent, userLoggedInEvent } from '../domain/session-events.ts';
import type { RotationResult, SessionRepository, SessionSummary } from './repositories.ts';
import { recordSecurityEvent } from './security-log-repository.ts';

type Transaction = Prisma.TransactionClient;

/*
 * lastUsedAt is informational, and the gateway asks about a session on every request: writing it at
 * most once a minute per session keeps requests read-only (as for API keys). The write is
 * conditional, so concurrent requests of one session write it once.
 */
const LAST_USED_GRANULARITY_MS = 60_000;

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
      audit: SecurityEventInput | null = null,
    ) {
      const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
      const refresh = newSecret('rt');
      const session = await db.$transaction(async (tx) => {
        const created = await tx.session.create({
          data: { userId, expiresAt, ...meta, refreshTokens: { create: { tokenHash: refresh.hash, expiresAt } } },
        });
        await appendToOutbox(tx, userLoggedInEvent({ sessionId: created.id, userId }));
        if (audit) await recordSecurityEvent(tx, { ...audit, detail: { ...audit.detail, sessionId: created.id } });
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

    async revoke(sessionId: string, reason: string, now: Date, audit: SecurityEventInput | null = null) {
      const revoked = await db.$transaction(async (tx) => {
        const count = await revokeSessions(tx, { id: sessionId }, reason, now);
        // Recorded only when this call ended it: a repeat changes nothing.
        if (count > 0 && audit) await recordSecurityEvent(tx, audit);
        return count;
      });
      if (revoked > 0) onCommitted();
      return revoked > 0;
    },

    async revokeAllOf(userId: string, reason: string, now: Date, audit: SecurityEventInput | null = null) {
      const revoked = await db.$transaction(async (tx) => {
        const count = await revokeSessions(tx, { userId }, reason, now);
        if (audit) await recordSecurityEvent(tx, { ...audit, detail: { ...audit.detail, sessionsEnded: count } });
        return count;
      });
      onCommitted();
      return revoked;
    },

    async listLive(userId: string, now: Date): Promise<SessionSummary[]> {
      const rows = await db.session.findMany({
        where: { userId, revokedAt: null, expiresAt: { gt: now } },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
      return rows.map(toSummary);
    },

    async findById(id: string): Promise<SessionSummary | null> {
      const row = await db.session.findUnique({ where: { id } });
      return row ? toSummary(row) : null;
    },

    async findLive(sessionId: string, userId: string, now: Date) {
      const session = await db.session.findFirst({
        where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now }, user: { deactivatedAt: null } },
        select: { id: true, lastUsedAt: true, user: { select: { id: true, role: true } } },
      });
      if (
        session &&
        (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS)
      ) {
        await db.session.updateMany({
          where: {
            id: session.id,
            OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }],
          },
          data: { lastUsedAt: now },
        });
      }
      return session ? { sessionId: session.id, userId: session.user.id, role: session.user.role } : null;
    },
  };
}

function toSummary(row: {
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  revokedAt: Date | null;
  ipAddress: string | null;
  userAgent: string | null;
}): SessionSummary {
  const { id, userId, createdAt, lastUsedAt, expiresAt, revokedAt, ipAddress, userAgent } = row;
  return { id, userId, createdAt, lastUsedAt, expiresAt, revokedAt, ipAddress, userAgent };
}
