import type { Prisma, PrismaClient, SecurityEvent as SecurityEventRow } from '../generated/prisma/client.ts';
import type { SecurityEvent, SecurityEventInput, SecurityEventType } from '../domain/security-events.ts';

type Transaction = Prisma.TransactionClient;

/**
 * Records one security event. Pass the transaction of the change it records, so the change and
 * its log entry commit together; pass the client itself for events with no change (a failed sign-in).
 */
export async function recordSecurityEvent(db: Transaction | PrismaClient, event: SecurityEventInput): Promise<void> {
  await db.securityEvent.create({
    data: {
      type: event.type,
      actorUserId: event.actor?.userId ?? null,
      actorApiKeyId: event.actor?.apiKeyId ?? null,
      subjectUserId: event.subjectUserId,
      email: event.email ?? null,
      ipAddress: event.origin?.ipAddress ?? null,
      userAgent: event.origin?.userAgent ?? null,
      detail: (event.detail ?? undefined) as Prisma.InputJsonValue | undefined,
      ...(event.at ? { occurredAt: event.at } : {}),
    },
  });
}

export function toSecurityEvent(row: SecurityEventRow): SecurityEvent {
  return {
    ...row,
    type: row.type as SecurityEventType,
    detail: (row.detail as Record<string, unknown> | null) ?? null,
  };
}
