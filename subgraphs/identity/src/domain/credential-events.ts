import type { CredentialRevocation, NewDomainEvent, RevokedSubject, Role } from '@switchyard/shared';
import { USER_AGGREGATE } from './session-events.ts';

/*
 * Events that change what a credential may do, besides SessionRevoked (session-events.ts): the
 * gateway reads them (the credential-revocations route) to forget what it remembered about a
 * credential and to end its connections at once, including while identity itself is unreachable.
 */

export const API_KEY_AGGREGATE = 'ApiKey';

const SYSTEM = { kind: 'system', id: null } as const;

export function apiKeyRevokedEvent(key: { id: string; userId: string }): NewDomainEvent {
  return {
    type: 'ApiKeyRevoked',
    aggregateType: API_KEY_AGGREGATE,
    aggregateId: key.id,
    // Numbered after the key's other events (ApiKeyCreated, ApiKeyRotated: domain/security-feed.ts).
    actor: SYSTEM,
    payload: { apiKeyId: key.id, userId: key.userId },
  };
}

export function userDeactivatedEvent(userId: string): NewDomainEvent {
  return {
    type: 'UserDeactivated',
    aggregateType: USER_AGGREGATE,
    aggregateId: userId,
    actor: SYSTEM,
    payload: { userId },
  };
}

export function userRoleChangedEvent(userId: string, from: Role, to: Role): NewDomainEvent {
  return {
    type: 'UserRoleChanged',
    aggregateType: USER_AGGREGATE,
    aggregateId: userId,
    actor: SYSTEM,
    payload: { userId, from, to },
  };
}

/** Which events are revocations: the payload field that names the subject, and what it means for it. */
const REVOCATIONS: Record<
  string,
  { field: 'sessionId' | 'apiKeyId' | 'userId'; effect: CredentialRevocation['effect'] }
> = {
  SessionRevoked: { field: 'sessionId', effect: 'revoked' },
  ApiKeyRevoked: { field: 'apiKeyId', effect: 'revoked' },
  UserDeactivated: { field: 'userId', effect: 'revoked' },
  UserRoleChanged: { field: 'userId', effect: 'permissionsChanged' },
  // A new secret (domain/security-feed.ts): answers remembered for the key are asked again, so the
  // old secret is held to its grace period even while identity is away; connections reconnect.
  ApiKeyRotated: { field: 'apiKeyId', effect: 'permissionsChanged' },
};

export const REVOCATION_EVENT_TYPES = Object.keys(REVOCATIONS);

/** What a revocation event means for the credentials it names; null for any other event. */
export function revocationOf(
  type: string,
  payload: Record<string, string>,
): Omit<CredentialRevocation, 'position'> | null {
  const revocation = REVOCATIONS[type];
  if (!revocation) return null;
  return { subject: { [revocation.field]: payload[revocation.field] } as RevokedSubject, effect: revocation.effect };
}
