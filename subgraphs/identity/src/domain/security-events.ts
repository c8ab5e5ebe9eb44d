/*
 * The security log's vocabulary. Every security-relevant change records one of these (see
 * data/security-log-repository.ts), with who acted, whose account it concerns and from where.
 */

export const SECURITY_EVENT_TYPES = [
  'SIGN_IN_SUCCEEDED',
  'SIGN_IN_FAILED',
  'SIGNED_OUT',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET',
  'EMAIL_CHANGE_REQUESTED',
  'EMAIL_CHANGED',
  'TWO_FACTOR_ENABLED',
  'TWO_FACTOR_DISABLED',
  'RECOVERY_CODE_USED',
  'RECOVERY_CODES_REGENERATED',
  'SESSION_REVOKED',
  'API_KEY_CREATED',
  'API_KEY_ROTATED',
  'API_KEY_REVOKED',
  'USER_CREATED',
  'ROLE_CHANGED',
  'USER_DEACTIVATED',
  'USER_REACTIVATED',
  'INVITATION_SENT',
  'INVITATION_REVOKED',
  'INVITATION_ACCEPTED',
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** Where a request came from, as the gateway forwarded it. */
export interface RequestOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}

export interface SecurityEventInput {
  type: SecurityEventType;
  /** Who acted; null for an anonymous caller or the system. */
  actor: { userId: string | null; apiKeyId?: string | null } | null;
  /** Whose account it concerns; null when none matched. */
  subjectUserId: string | null;
  /** The email given, for events without a subject account (failed sign-in, invitation). */
  email?: string | null;
  origin: RequestOrigin | null;
  /** Facts of the event (role before and after, the key's name…); never a secret. */
  detail?: Record<string, unknown> | null;
  at?: Date;
}

export interface SecurityEvent {
  id: string;
  type: SecurityEventType;
  occurredAt: Date;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  subjectUserId: string | null;
  email: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  detail: Record<string, unknown> | null;
}
