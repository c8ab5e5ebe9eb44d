import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { DomainEvent } from '../event-bus.ts';
import type { EventFeed } from '../event-feed.ts';
import type { InternalClient } from '../internal-client.ts';
import type { ForwardedContext } from '../principal.ts';
import { serveJsonRoute } from './serve-json.ts';

const domainEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  sequence: z.number().int(),
  occurredAt: z.iso.datetime({ offset: true }),
  actor: z.object({ kind: z.enum(['user', 'apiKey', 'system']), id: z.string().nullable() }).nullable(),
  payload: z.json(),
}) satisfies z.ZodType<DomainEvent>;

/**
 * A service's domain events, oldest first, served by every subgraph (its outbox) and the gateway
 * (the events it keeps in memory). Consumers that must not miss anything while they were down (the
 * activity feed) catch up here, then follow the bus; they de-duplicate by event id. Behind the
 * internal signature.
 */
export const eventFeedRoute = {
  method: 'GET',
  path: '/internal/events',
  query: z.object({
    /** Events that occurred strictly after this time; all of them without it. */
    after: z.iso.datetime().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  }),
  response: z.object({ events: z.array(domainEventSchema) }),
} as const;

/** Serves `feed` at the route, after `before` (the internal signature check, where `router` does not make it). */
export function mountEventFeedRoute(router: Router, feed: EventFeed, ...before: RequestHandler[]): void {
  serveJsonRoute(router, eventFeedRoute, before, {
    input: (req) => eventFeedRoute.query.safeParse(req.query),
    invalid: 'expected ?after=<ISO-8601 time>&limit=<1..1000>',
    // Payloads are whatever the service stored (JSON by construction): the caller's parse checks them.
    answer: async ({ after, limit }) => ({ events: await feed(new Date(after ?? 0), limit) }),
  });
}

/** The service at `baseUrl`'s events after `after`, at most `limit`; throws when it does not answer or answers something else. */
export async function fetchEventFeed(
  client: InternalClient,
  baseUrl: string,
  context: ForwardedContext,
  { after, limit }: { after: string; limit: number },
): Promise<DomainEvent[]> {
  const url = new URL(eventFeedRoute.path, baseUrl);
  url.searchParams.set('after', after);
  url.searchParams.set('limit', String(limit));
  return eventFeedRoute.response.parse(await client.callJson<unknown>(url.toString(), context)).events;
}
