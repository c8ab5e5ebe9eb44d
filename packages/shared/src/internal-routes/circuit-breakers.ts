import express, { type RequestHandler, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { resetProcessCircuitBreaker, type CircuitBreakerSnapshot } from '../circuit-breakers.ts';
import type { DomainEvent, EventBus } from '../event-bus.ts';
import type { InternalClient } from '../internal-client.ts';
import type { Logger } from '../logger.ts';
import { eventChannel } from '../outbox.ts';
import type { ForwardedContext } from '../principal.ts';
import { serveJsonRoute } from './serve-json.ts';

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

const listedBreaker = circuitBreakersRoute.response.shape.breakers.element;

const listed = ({ service, name, state, failures, changedAt, createdAt }: CircuitBreakerSnapshot) => ({
  service,
  name,
  state,
  failures,
  since: (changedAt ?? createdAt).toISOString(),
});

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
      breakers: breakers().map(listed),
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

/**
 * An admin's manual reset of one breaker (observability's resetCircuitBreaker): the replica that
 * answers closes its own breaker at once and says how it is now (null: it has no such breaker).
 * Breakers live in each replica's memory, so observability also publishes the reset on the bus
 * (CIRCUIT_BREAKER_RESET_CHANNEL), which every replica follows (followCircuitBreakerResets).
 */
export const circuitBreakerResetRoute = {
  method: 'POST',
  path: '/internal/circuit-breakers/reset',
  request: z.object({ service: z.string().min(1), name: z.string().min(1) }),
  response: z.object({ breaker: listedBreaker.nullable() }),
} as const;

export type CircuitBreakerReset = z.output<typeof circuitBreakerResetRoute.request>;

/** Serves the reset route for this process's breakers, after `before` (the internal signature check). */
export function mountCircuitBreakerResetRoute(router: Router, ...before: RequestHandler[]): void {
  serveJsonRoute(router, circuitBreakerResetRoute, [...before, express.json()], {
    input: (req) => circuitBreakerResetRoute.request.safeParse(req.body),
    invalid: 'expected { service, name }',
    answer: async ({ service, name }): Promise<z.input<typeof circuitBreakerResetRoute.response>> => {
      const breaker = resetProcessCircuitBreaker(service, name);
      return { breaker: breaker && listed(breaker) };
    },
  });
}

/** Asks the service at `baseUrl` to reset a breaker; throws when it does not answer or answers something else. */
export async function requestCircuitBreakerReset(
  client: InternalClient,
  baseUrl: string,
  context: ForwardedContext,
  reset: CircuitBreakerReset,
): Promise<z.output<typeof circuitBreakerResetRoute.response>['breaker']> {
  const url = new URL(circuitBreakerResetRoute.path, baseUrl).toString();
  return circuitBreakerResetRoute.response.parse(await client.callJson<unknown>(url, context, reset)).breaker;
}

/** Where manual resets travel between replicas (not an outbox aggregate: nothing to replay). */
export const CIRCUIT_BREAKER_RESET_CHANNEL = eventChannel('CircuitBreakerReset');

/** The bus message of a manual reset. */
export function circuitBreakerResetRequested(reset: CircuitBreakerReset): DomainEvent<CircuitBreakerReset> {
  return {
    id: randomUUID(),
    type: 'CircuitBreakerResetRequested',
    aggregateType: 'CircuitBreakerReset',
    aggregateId: `${reset.service}:${reset.name}`,
    sequence: 0,
    occurredAt: new Date().toISOString(),
    actor: { kind: 'system', id: null },
    payload: { service: reset.service, name: reset.name },
  };
}

/** Resets this process's breakers as resets are published on the bus; every replica of every service runs it. */
export function followCircuitBreakerResets(bus: EventBus, logger: Logger): { stop(): Promise<void> } {
  const stopping = new AbortController();
  const following = (async () => {
    for await (const event of bus.subscribe(CIRCUIT_BREAKER_RESET_CHANNEL, stopping.signal)) {
      const parsed = circuitBreakerResetRoute.request.safeParse(event.payload);
      if (!parsed.success) continue;
      if (resetProcessCircuitBreaker(parsed.data.service, parsed.data.name))
        logger.warn({ breaker: parsed.data.name }, 'circuit breaker reset by an admin');
    }
  })().catch((error: unknown) => logger.error({ err: error }, 'following circuit breaker resets stopped'));
  return {
    async stop() {
      stopping.abort();
      await following;
    },
  };
}
