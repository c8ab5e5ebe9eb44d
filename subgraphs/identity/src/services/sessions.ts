import { NotFoundError, isUuid, type Principal } from '@switchyard/shared';
import type { SessionRepository, SessionSummary } from '../data/repositories.ts';
import { auditEvent, type AuditContext } from '../domain/audit-context.ts';

type Caller = Pick<Principal, 'userId' | 'role' | 'sessionId'>;

export type SessionService = ReturnType<typeof createSessionService>;

/** Users see and end their own sessions; admins see and end anyone's. */
export function createSessionService(sessions: SessionRepository, now: () => Date = () => new Date()) {
  return {
    mine: (caller: Caller): Promise<SessionSummary[]> => sessions.listLive(caller.userId, now()),

    /** Admins only (the schema's @authz says so). An unknown user is NOT_FOUND. */
    async ofUser(userId: string, exists: (id: string) => Promise<boolean>): Promise<SessionSummary[]> {
      if (!isUuid(userId) || !(await exists(userId))) throw new NotFoundError('User', userId);
      return sessions.listLive(userId, now());
    },

    /**
     * Ends one session. Another user's session is NOT_FOUND unless the caller is an admin, so session
     * ids cannot be probed; one that already ended is NOT_FOUND too (there is nothing to end).
     */
    async revoke(caller: Caller, id: string, audit: AuditContext): Promise<SessionSummary> {
      const session = isUuid(id) ? await sessions.findById(id) : null;
      const at = now();
      if (
        !session ||
        (session.userId !== caller.userId && caller.role !== 'ADMIN') ||
        session.revokedAt ||
        session.expiresAt <= at
      )
        throw new NotFoundError('Session', id);
      const reason = session.userId === caller.userId ? 'revoked by its user' : 'revoked by an admin';
      const ended = await sessions.revoke(
        id,
        reason,
        at,
        auditEvent(audit, 'SESSION_REVOKED', session.userId, {
          sessionId: id,
          reason,
          current: id === caller.sessionId,
        }),
      );
      if (!ended) throw new NotFoundError('Session', id);
      return { ...session, revokedAt: at };
    },
  };
}
