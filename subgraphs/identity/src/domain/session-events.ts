import type { NewDomainEvent } from '@switchyard/shared';

/** Published when a session ends early, so the user's open UIs can sign out at once. */
export const SESSION_AGGREGATE = 'Session';

export interface SessionRevokedPayload {
  userId: string;
  sessionId: string;
  reason: string;
}

export function sessionRevokedEvent(
  session: { id: string; userId: string },
  reason: string,
): NewDomainEvent<SessionRevokedPayload> {
  return {
    type: 'SessionRevoked',
    aggregateType: SESSION_AGGREGATE,
    aggregateId: session.id,
    // A session is revoked at most once.
    sequence: 1,
    actor: { kind: 'system', id: null },
    payload: { userId: session.userId, sessionId: session.id, reason },
  };
}

/** A user signed in: for the activity feed. Per user, so a user's logins are numbered in order. */
export const USER_AGGREGATE = 'User';

export interface UserLoggedInPayload {
  userId: string;
  sessionId: string;
}

export function userLoggedInEvent(session: { sessionId: string; userId: string }): NewDomainEvent<UserLoggedInPayload> {
  return {
    type: 'UserLoggedIn',
    aggregateType: USER_AGGREGATE,
    aggregateId: session.userId,
    actor: { kind: 'user', id: session.userId },
    payload: { userId: session.userId, sessionId: session.sessionId },
  };
}
