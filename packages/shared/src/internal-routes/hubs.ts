import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { InternalClient } from '../internal-client.ts';
import type { ForwardedContext } from '../principal.ts';

/**
 * Every Hubitat hub's status as the hardware subgraph last saw it, for observability's health
 * matrix. Never the base URL's credentials or the access token. Behind the internal signature.
 */
export const hubsRoute = {
  method: 'GET',
  path: '/internal/hubs',
  response: z.object({
    hubs: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        status: z.string(),
        lastSeenAt: z.iso.datetime().nullable(),
      }),
    ),
  }),
} as const;

export type HubStatusSummary = z.output<typeof hubsRoute.response>['hubs'][number];

/** A hub as the serving side knows it. */
export interface HubStatusSource {
  id: string;
  name: string;
  status: string;
  lastSeenAt: Date | null;
}

/** Serves `hubs()` at the route, after `before` (the internal signature check, where `router` does not make it). */
export function mountHubsRoute(
  router: Router,
  hubs: () => Promise<HubStatusSource[]>,
  ...before: RequestHandler[]
): void {
  router.get(hubsRoute.path, ...before, async (_req, res, next) => {
    try {
      const reply: z.input<typeof hubsRoute.response> = {
        hubs: (await hubs()).map(({ id, name, status, lastSeenAt }) => ({
          id,
          name,
          status,
          lastSeenAt: lastSeenAt?.toISOString() ?? null,
        })),
      };
      res.json(reply);
    } catch (error) {
      next(error);
    }
  });
}

/** Every hub's status, asked of hardware at `hardwareUrl`; throws when it does not answer or answers something else. */
export async function fetchHubs(
  client: InternalClient,
  hardwareUrl: string,
  context: ForwardedContext,
): Promise<HubStatusSummary[]> {
  const url = new URL(hubsRoute.path, hardwareUrl).toString();
  return hubsRoute.response.parse(await client.callJson<unknown>(url, context)).hubs;
}
