import { decodeCursor, encodeCursor, NotFoundError } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { WebhookEvent } from '../domain/webhook-events.ts';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../domain/types.ts';
import type { AttemptRecord, AttemptResult, WebhookDeliveryFilter, WebhookRepository } from './repositories.ts';
import { claimDue } from './claim-due.ts';

/**
 * Webhook endpoints and their deliveries: a durable queue like the alert notifications', one row
 * per event owed to an endpoint (unique per endpoint and event, so feeding an event twice owes it
 * once), each attempt logged.
 */
export function createWebhookRepository(db: PrismaClient): WebhookRepository {
  const endpointOf = async (id: string) => {
    const endpoint = await db.webhookEndpoint.findUnique({ where: { id } });
    if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
    return endpoint as WebhookEndpoint;
  };
  return {
    endpointOf,
    findEndpoint: async (id: string) =>
      (await db.webhookEndpoint.findUnique({ where: { id } })) as WebhookEndpoint | null,

    /** Oldest first; `ownerId` null lists everyone's. */
    endpoints: async (ownerId: string | null) =>
      (await db.webhookEndpoint.findMany({
        where: ownerId ? { ownerId } : {},
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as WebhookEndpoint[],

    createEndpoint: async (data: {
      url: string;
      description: string;
      eventTypes: string[];
      ownerId: string;
      secret: string;
    }) => (await db.webhookEndpoint.create({ data })) as WebhookEndpoint,

    /** Re-enabling clears the failure streak and makes its waiting deliveries due now. */
    async updateEndpoint(
      id: string,
      changes: { url?: string; description?: string; eventTypes?: string[]; enabled?: boolean },
      now: Date,
    ) {
      const current = await endpointOf(id);
      const enabling = changes.enabled === true && current.status === 'DISABLED';
      const disabling = changes.enabled === false && current.status === 'ACTIVE';
      return db.$transaction(async (tx) => {
        if (enabling)
          await tx.webhookDelivery.updateMany({
            where: { endpointId: id, status: 'PENDING' },
            data: { nextAttemptAt: now, owedSince: now },
          });
        return (await tx.webhookEndpoint.update({
          where: { id },
          data: {
            url: changes.url,
            description: changes.description,
            eventTypes: changes.eventTypes,
            ...(enabling ? { status: 'ACTIVE', disabledAt: null, disabledReason: null, failingSince: null } : {}),
            ...(disabling ? { status: 'DISABLED', disabledAt: now, disabledReason: 'Disabled by hand' } : {}),
          },
        })) as WebhookEndpoint;
      });
    },

    async rotateSecret(id: string, secret: string, previousUntil: Date) {
      const current = await endpointOf(id);
      return (await db.webhookEndpoint.update({
        where: { id },
        data: { secret, previousSecret: current.secret, previousSecretUntil: previousUntil },
      })) as WebhookEndpoint;
    },

    async deleteEndpoint(id: string) {
      const { count } = await db.webhookEndpoint.deleteMany({ where: { id } });
      if (count === 0) throw new NotFoundError('WebhookEndpoint', id);
    },

    /**
     * Owes `event` to every active endpoint subscribed to its type that existed when it occurred
     * (catch-up after downtime does not send older events to an endpoint registered since).
     * Idempotent: an event fed twice is owed once. Returns how many deliveries were new.
     */
    enqueue: async (event: WebhookEvent, sequence: number) =>
      db.$executeRawUnsafe(
        `INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventId", "eventType", "aggregateKey", "sequence", "occurredAt", "body", "nextAttemptAt", "updatedAt")
         SELECT gen_random_uuid(), e."id", $1, $2, $3, $4, $5, $6, now(), now()
         FROM "WebhookEndpoint" e
         WHERE e."status" = 'ACTIVE' AND $2 = ANY(e."eventTypes") AND e."createdAt" <= $5
         ON CONFLICT ("endpointId", "eventId") DO NOTHING`,
        event.envelope.id,
        event.envelope.type,
        event.aggregateKey,
        sequence,
        new Date(event.envelope.occurredAt),
        JSON.stringify(event.envelope),
      ),

    /** A ping: owed to one endpoint, whatever its event types or status. */
    ping: async (endpoint: WebhookEndpoint, event: WebhookEvent) =>
      (await db.webhookDelivery.create({
        data: {
          endpointId: endpoint.id,
          eventId: event.envelope.id,
          eventType: event.envelope.type,
          aggregateKey: event.aggregateKey,
          sequence: 0,
          occurredAt: new Date(event.envelope.occurredAt),
          body: JSON.stringify(event.envelope),
          nextAttemptAt: new Date(),
        },
      })) as WebhookDelivery,

    /**
     * Due deliveries of active endpoints, for this process (see claimDue), each only when no earlier
     * event of its aggregate is still owed to the same endpoint: per endpoint and aggregate, events
     * arrive in order.
     */
    claimDue: (now: Date, holdUntil: Date, limit: number) =>
      claimDue<WebhookDelivery>(db, 'WebhookDelivery', {
        now,
        holdUntil,
        limit,
        where: `q."status" = 'PENDING'
          AND EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e."id" = q."endpointId" AND e."status" = 'ACTIVE')
          AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" p
            WHERE p."endpointId" = q."endpointId" AND p."aggregateKey" = q."aggregateKey" AND p."status" = 'PENDING'
              AND (p."sequence", p."occurredAt", p."id") < (q."sequence", q."occurredAt", q."id"))`,
      }),

    /** Logs an attempt, moves the delivery on, and keeps the endpoint's failure streak; returns the endpoint. */
    async recordAttempt(delivery: WebhookDelivery, attempt: AttemptRecord, result: AttemptResult) {
      return db.$transaction(async (tx) => {
        await tx.webhookAttempt.create({ data: { deliveryId: delivery.id, ...attempt } });
        await tx.webhookDelivery.update({
          where: { id: delivery.id },
          data: {
            attempts: { increment: 1 },
            status: result.status,
            nextAttemptAt: result.status === 'PENDING' ? result.nextAttemptAt : null,
          },
        });
        if (result.status === 'DELIVERED')
          return (await tx.webhookEndpoint.update({
            where: { id: delivery.endpointId },
            data: { failingSince: null },
          })) as WebhookEndpoint;
        await tx.webhookEndpoint.updateMany({
          where: { id: delivery.endpointId, failingSince: null },
          data: { failingSince: attempt.attemptedAt },
        });
        return (await tx.webhookEndpoint.findUnique({ where: { id: delivery.endpointId } })) as WebhookEndpoint | null;
      });
    },

    /** Not tried (its breaker is open): due again at `at`, no attempt counted. */
    postpone: async (delivery: WebhookDelivery, at: Date) => {
      await db.webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: at } });
    },

    /** True when this call disabled it (replicas may decide at once: one wins). */
    async disable(id: string, reason: string, now: Date) {
      const { count } = await db.webhookEndpoint.updateMany({
        where: { id, status: 'ACTIVE' },
        data: { status: 'DISABLED', disabledAt: now, disabledReason: reason },
      });
      return count === 1;
    },

    findDelivery: async (id: string) =>
      (await db.webhookDelivery.findUnique({ where: { id } })) as WebhookDelivery | null,

    /** The same delivery (same webhook-id) owed again now, with a fresh retry window. */
    async redeliver(id: string, now: Date) {
      const { count } = await db.webhookDelivery.updateMany({
        where: { id },
        data: { status: 'PENDING', nextAttemptAt: now, owedSince: now },
      });
      if (count === 0) throw new NotFoundError('WebhookDelivery', id);
      return (await db.webhookDelivery.findUnique({ where: { id } })) as WebhookDelivery;
    },

    /** Newest first; fetches `size + 1` rows so the caller knows whether more follow. */
    async deliveries(endpointId: string, filter: WebhookDeliveryFilter, size: number, after: string | null) {
      const where: Prisma.WebhookDeliveryWhereInput = {
        endpointId,
        ...(filter.statuses?.length ? { status: { in: filter.statuses } } : {}),
        ...(filter.eventTypes?.length ? { eventType: { in: filter.eventTypes } } : {}),
      };
      const cursor = after ? decodeCursor(after) : null;
      const keyset: Prisma.WebhookDeliveryWhereInput = cursor
        ? {
            OR: [
              { createdAt: { lt: new Date(String(cursor[0])) } },
              { createdAt: new Date(String(cursor[0])), id: { lt: String(cursor[1]) } },
            ],
          }
        : {};
      const [rows, total] = await Promise.all([
        db.webhookDelivery.findMany({
          where: { AND: [where, keyset] },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: size + 1,
        }),
        db.webhookDelivery.count({ where }),
      ]);
      return { rows: rows as WebhookDelivery[], total };
    },

    deliveryCursor: (delivery: WebhookDelivery) => encodeCursor([delivery.createdAt.toISOString(), delivery.id]),

    /** Oldest first. */
    attemptsOf: async (deliveryIds: readonly string[]) =>
      (await db.webhookAttempt.findMany({
        where: { deliveryId: { in: [...deliveryIds] } },
        orderBy: [{ attemptedAt: 'asc' }, { id: 'asc' }],
      })) as WebhookAttempt[],
  };
}
