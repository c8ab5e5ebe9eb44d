import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { InternalClient } from '../internal-client.ts';
import type { ForwardedContext } from '../principal.ts';
import { serveJsonRoute } from './serve-json.ts';

/**
 * For other subgraphs (e.g. meals mailing a household): names and addresses of users by id,
 * served by identity. Deactivated and unknown users are absent from the answer. Behind the
 * internal signature.
 */
export const usersLookupRoute = {
  method: 'POST',
  path: '/internal/users/lookup',
  request: z.object({ ids: z.array(z.uuid()).max(1000) }),
  response: z.object({
    users: z.array(z.object({ id: z.string(), email: z.string(), displayName: z.string() })),
  }),
} as const;

export type UserContact = z.output<typeof usersLookupRoute.response>['users'][number];

/** Serves `lookup` (the active users among `ids`) at the route, after `before` (the internal signature check, where `router` does not make it). */
export function mountUsersLookupRoute(
  router: Router,
  lookup: (ids: string[]) => Promise<UserContact[]>,
  ...before: RequestHandler[]
): void {
  serveJsonRoute(router, usersLookupRoute, before, {
    input: (req) => usersLookupRoute.request.safeParse(req.body),
    invalid: 'expected { ids: [uuid, …] } (at most 1000)',
    answer: async ({ ids }): Promise<z.input<typeof usersLookupRoute.response>> => ({
      users: (await lookup(ids)).map(({ id, email, displayName }) => ({ id, email, displayName })),
    }),
  });
}

/** The active users among `ids`, asked of identity at `identityUrl`; throws when it does not answer or answers something else. */
export async function lookupUsers(
  client: InternalClient,
  identityUrl: string,
  context: ForwardedContext,
  ids: string[],
): Promise<UserContact[]> {
  const url = new URL(usersLookupRoute.path, identityUrl).toString();
  return usersLookupRoute.response.parse(await client.callJson<unknown>(url, context, { ids })).users;
}
