import { randomUUID } from 'node:crypto';
import { BadUserInputError, appendToOutbox, decodeCursor, encodeCursor } from '@switchyard/shared';
import type { Prisma, PrismaClient, SecurityEvent as SecurityEventRow } from '../generated/prisma/client.ts';
import type { SecurityEvent, SecurityEventInput, SecurityEventType } from '../domain/security-events.ts';
import { feedEventOf } from '../domain/security-feed.ts';
import type { SecurityEventFilter, SecurityLogRepository } from './repositories.ts';

type Transaction = Prisma.TransactionClient;

/**
 * Records one security event. Pass the transaction of the change it records, so the change and
 * its log entry commit together; pass the client itself for events with no change (a failed sign-in).
 * An event that belongs in the activity feed (domain/security-feed.ts) also appends its outbox
 * event here, in the same transaction; the caller's `onCommitted` (or the relay's poll) publishes it.
 */
export async function recordSecurityEvent(db: Transaction | PrismaClient, event: SecurityEventInput): Promise<void> {
  const id = randomUUID();
  await db.securityEvent.create({
    data: {
      id,
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
  const feedEvent = feedEventOf(id, event);
  if (feedEvent) await appendToOutbox(db, feedEvent);
}

export function toSecurityEvent(row: SecurityEventRow): SecurityEvent {
  return {
    ...row,
    type: row.type as SecurityEventType,
    detail: (row.detail as Record<string, unknown> | null) ?? null,
  };
}

/** Reads of the security log (newest first, keyset pages), and records of events that change nothing else. */
export function createSecurityLogRepository(db: PrismaClient, onCommitted: () => void): SecurityLogRepository {
  const whereOf = (filter: SecurityEventFilter): Prisma.SecurityEventWhereInput => ({
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.userId ? { OR: [{ actorUserId: filter.userId }, { subjectUserId: filter.userId }] } : {}),
    ...(filter.since || filter.until
      ? {
          occurredAt: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lt: filter.until } : {}) },
        }
      : {}),
  });

  return {
    async record(event: SecurityEventInput): Promise<void> {
      await db.$transaction((tx) => recordSecurityEvent(tx, event));
      onCommitted();
    },

    async page(filter: SecurityEventFilter, size: number, after: string | null): Promise<SecurityEvent[]> {
      const [occurredAt, id] = after ? decodeCursor(after) : [];
      if (after && Number.isNaN(new Date(String(occurredAt)).getTime()))
        throw new BadUserInputError('after', 'after: is not a cursor of this list');
      const rows = await db.securityEvent.findMany({
        where: {
          AND: [
            whereOf(filter),
            after
              ? {
                  OR: [
                    { occurredAt: { lt: new Date(String(occurredAt)) } },
                    { occurredAt: new Date(String(occurredAt)), id: { lt: String(id) } },
                  ],
                }
              : {},
          ],
        },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        take: size + 1,
      });
      return rows.map(toSecurityEvent);
    },

    count: (filter: SecurityEventFilter): Promise<number> => db.securityEvent.count({ where: whereOf(filter) }),

    cursorOf: (event: SecurityEvent): string => encodeCursor([event.occurredAt.toISOString(), event.id]),
  };
}
