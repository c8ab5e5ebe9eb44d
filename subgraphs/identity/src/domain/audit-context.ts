import type { Principal } from '@switchyard/shared';
import type { RequestOrigin, SecurityEventInput, SecurityEventType } from './security-events.ts';

/** Who is acting and from where: what every recorded security event of a request shares. */
export interface AuditContext {
  actor: SecurityEventInput['actor'];
  origin: RequestOrigin;
}

export function auditContextOf(
  principal: Pick<Principal, 'userId' | 'apiKeyId'> | null,
  clientIp: string | null,
  userAgent: string | null,
): AuditContext {
  return {
    actor: principal ? { userId: principal.userId, apiKeyId: principal.apiKeyId } : null,
    origin: { ipAddress: clientIp, userAgent },
  };
}

/** The event `type` about `subjectUserId`, done by the context's actor from its origin. */
export function auditEvent(
  context: AuditContext | null | undefined,
  type: SecurityEventType,
  subjectUserId: string | null,
  detail?: Record<string, unknown>,
): SecurityEventInput {
  return {
    type,
    actor: context?.actor ?? null,
    subjectUserId,
    origin: context?.origin ?? null,
    ...(detail ? { detail } : {}),
  };
}
