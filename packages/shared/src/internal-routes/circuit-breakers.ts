import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { CircuitBreakerSnapshot } from '../circuit-breakers.ts';
import type { InternalClient } from '../internal-client.ts';
import type { ForwardedContext } from '../principal.ts';

/**
 * Every circuit breaker a service's process has right now, whether or not it ever changed state:
 * observability lists them all from this (state changes alone would leave out the breakers that
 * never opened). Behind the internal signature.
 */
export const circuitBreakersRoute = {
  method: 'GET',
  path: '/internal/circuit-breakers',
  response: z.object({
    /** When the list was taken, by the service's clock. */
    at: z.iso.datetime(),
    breakers: z.array(
      z.object({
        service: z.string(),
        name: z.string(),
        state: z.enum(['CLOSED', 'OPEN', 'HALF_OPEN']),
        failures: z.number().int().nonnegative(),
        /** Its last transition, or when it was made if it never left CLOSED. */
        since: z.iso.datetime(),
      }),
    ),
  }),
} as const;

export type CircuitBreakerList = z.output<typeof circuitBreakersRoute.response>;

/** Serves `breakers()` at the route, after `before` (the internal signature check, where `router` does not make it). */
export function mountCircuitBreakersRoute(
  router: Router,
  breakers: () => CircuitBreakerSnapshot[],
  ...before: RequestHandler[]
): void {
  router.get(circuitBreakersRoute.path, ...before, (_req, res) => {
    const reply: z.input<typeof circuitBreakersRoute.response> = {
      at: new Date().toISOString(),
      breakers: breakers().map(({ service, name, state, failures, changedAt, createdAt }) => ({
        service,
        name,
        state,
        failures,
        since: (changedAt ?? createdAt).toISOString(),
      })),
    };
    res.json(reply);
  });
}

/** A service's breakers, asked at its base URL; throws when it does not answer or answers something else. */
export async function fetchCircuitBreakers(
  client: InternalClient,
  baseUrl: string,
  context: ForwardedContext,
): Promise<CircuitBreakerList> {
  return circuitBreakersRoute.response.parse(
    await client.callJson<unknown>(`${baseUrl}${circuitBreakersRoute.path}`, context),
  );
}
