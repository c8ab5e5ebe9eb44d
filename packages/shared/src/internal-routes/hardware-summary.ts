import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { InternalClient } from '../internal-client.ts';
import type { ForwardedContext } from '../principal.ts';
import { serveJsonRoute } from './serve-json.ts';

const count = z.number().int().nonnegative();

/**
 * What hardware a store has, served by hardware for stores (its "hardware allocated" provisioning
 * step is gated on it). Not a GraphQL field, so it does not appear in the public graph. Behind the
 * internal signature.
 */
export const hardwareSummaryRoute = {
  method: 'GET',
  path: '/internal/stores/:storeId/hardware-summary',
  params: z.object({ storeId: z.string().min(1).max(100) }),
  response: z.object({ allocatedAssets: count, hubs: count, devices: count }),
} as const;

export type HardwareSummary = z.output<typeof hardwareSummaryRoute.response>;

/** The route's path for one store. */
export function hardwareSummaryPath(storeId: string): string {
  return hardwareSummaryRoute.path.replace(':storeId', encodeURIComponent(storeId));
}

/** Serves `summaryOf` at the route, after `before` (the internal signature check, where `router` does not make it). */
export function mountHardwareSummaryRoute(
  router: Router,
  summaryOf: (storeId: string) => Promise<HardwareSummary>,
  ...before: RequestHandler[]
): void {
  serveJsonRoute(router, hardwareSummaryRoute, before, {
    input: (req) => hardwareSummaryRoute.params.safeParse(req.params),
    invalid: 'expected a store id',
    answer: ({ storeId }): Promise<z.input<typeof hardwareSummaryRoute.response>> => summaryOf(storeId),
  });
}

/** A store's hardware, asked of hardware at `hardwareUrl`; throws when it does not answer or answers something else. */
export async function fetchHardwareSummary(
  client: InternalClient,
  hardwareUrl: string,
  context: ForwardedContext,
  storeId: string,
): Promise<HardwareSummary> {
  const url = new URL(hardwareSummaryPath(storeId), hardwareUrl).toString();
  return hardwareSummaryRoute.response.parse(await client.callJson<unknown>(url, context));
}
