import type { NewDomainEvent } from '@switchyard/shared';
import { API_KEY_AGGREGATE } from './credential-events.ts';
import type { SecurityEventInput, SecurityEventType } from './security-events.ts';
import { USER_AGGREGATE } from './session-events.ts';

/*
 * Which security events also reach observability's activity feed (admins only there), as an outbox
 * event of this type written in the same transaction. `null`: not in the feed, because
 * - another outbox event already carries it (a sign-in is UserLoggedIn; a sign-out or a revoked
 *   session is SessionRevoked; a revoked key ApiKeyRevoked; a role change UserRoleChanged; a
 *   deactivation UserDeactivated), so the feed would show it twice; or
 * - it is noise anyone can make without an account (a failed sign-in, a reset or email change
 *   requested): a password-guessing run would bury everything else in the feed. Those stay in the
 *   security log, where an admin filters by type.
 */
export const FEED_EVENT_TYPES: Record<SecurityEventType, string | null> = {
  SIGN_IN_SUCCEEDED: null,
  SIGN_IN_FAILED: null,
  SIGNED_OUT: null,
  PASSWORD_CHANGED: 'PasswordChanged',
  PASSWORD_RESET_REQUESTED: null,
  PASSWORD_RESET: 'PasswordReset',
  EMAIL_CHANGE_REQUESTED: null,
  EMAIL_CHANGED: 'EmailChanged',
  TWO_FACTOR_ENABLED: 'TwoFactorEnabled',
  TWO_FACTOR_DISABLED: 'TwoFactorDisabled',
  RECOVERY_CODE_USED: 'RecoveryCodeUsed',
  RECOVERY_CODES_REGENERATED: 'RecoveryCodesRegenerated',
  SESSION_REVOKED: null,
  API_KEY_CREATED: 'ApiKeyCreated',
  // Also a revocation for the gateway (credential-events.ts): answers it remembered are asked again.
  API_KEY_ROTATED: 'ApiKeyRotated',
  API_KEY_REVOKED: null,
  USER_CREATED: 'UserCreated',
  ROLE_CHANGED: null,
  USER_DEACTIVATED: null,
  USER_REACTIVATED: 'UserReactivated',
  INVITATION_SENT: 'InvitationSent',
  INVITATION_REVOKED: 'InvitationRevoked',
  INVITATION_ACCEPTED: 'InvitationAccepted',
};

/** The outbox event that carries `event` to the activity feed, or null when it does not go there. */
export function feedEventOf(id: string, event: SecurityEventInput): NewDomainEvent | null {
  const type = FEED_EVENT_TYPES[event.type];
  if (!type) return null;
  const apiKeyId = typeof event.detail?.apiKeyId === 'string' ? event.detail.apiKeyId : null;
  const actor = event.actor?.apiKeyId
    ? ({ kind: 'apiKey', id: event.actor.apiKeyId } as const)
    : event.actor?.userId
      ? ({ kind: 'user', id: event.actor.userId } as const)
      : ({ kind: 'system', id: null } as const);
  return {
    type,
    aggregateType: apiKeyId ? API_KEY_AGGREGATE : USER_AGGREGATE,
    aggregateId: apiKeyId ?? event.subjectUserId ?? event.email ?? id,
    actor,
    // The detail never holds a secret (security-events.ts); the email only when no account matched.
    payload: {
      securityEventId: id,
      userId: event.subjectUserId,
      ...(event.subjectUserId ? {} : { email: event.email ?? null }),
      ...event.detail,
    },
  };
}
