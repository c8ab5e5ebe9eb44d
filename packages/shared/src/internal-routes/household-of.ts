import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { InternalClient } from '../internal-client.ts';
import type { ForwardedContext } from '../principal.ts';
import { serveJsonRoute } from './serve-json.ts';

/**
 * For observability's activity feed, which shows a household's events to its members only: the
 * household a user is in, served by meals (which keeps households; a copy elsewhere would go stale
 * when someone joins or leaves). Behind the internal signature.
 */
export const householdOfRoute = {
  method: 'POST',
  path: '/internal/households/of',
  request: z.object({ userId: z.uuid() }),
  response: z.object({ householdId: z.string().nullable() }),
} as const;

/** Serves `householdOf` at the route, after `before` (the internal signature check, where `router` does not make it). */
export function mountHouseholdOfRoute(
  router: Router,
  householdOf: (userId: string) => Promise<string | null>,
  ...before: RequestHandler[]
): void {
  serveJsonRoute(router, householdOfRoute, before, {
    input: (req) => householdOfRoute.request.safeParse(req.body),
    invalid: 'expected { userId: uuid }',
    answer: async ({ userId }): Promise<z.input<typeof householdOfRoute.response>> => ({
      householdId: await householdOf(userId),
    }),
  });
}

/** The household `userId` is in (null: none), asked of meals at `mealsUrl`; throws when it does not answer or answers something else. */
export async function fetchHouseholdOf(
  client: InternalClient,
  mealsUrl: string,
  context: ForwardedContext,
  userId: string,
): Promise<string | null> {
  const url = new URL(householdOfRoute.path, mealsUrl).toString();
  return householdOfRoute.response.parse(await client.callJson<unknown>(url, context, { userId })).householdId;
}
