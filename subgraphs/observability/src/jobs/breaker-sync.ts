import { fetchCircuitBreakers, recordBreakerState, type InternalClient } from '@switchyard/shared';
import type { OverviewRepository } from '../data/repositories.ts';

const SYSTEM_CONTEXT = {
  principal: null,
  requestId: 'observability-breakers',
  clientIp: null,
  userAgent: 'switchyard-observability',
};

/**
 * Brings the breaker rows up to date with what each service lists (every breaker it has, those
 * that never changed state included). A service that does not answer keeps its last known rows.
 */
export function breakerSync(
  client: InternalClient,
  sources: Record<string, string>,
  overview: OverviewRepository,
): () => Promise<void> {
  return async () => {
    await Promise.all(
      Object.entries(sources).map(async ([service, baseUrl]) => {
        const list = await fetchCircuitBreakers(client, baseUrl, SYSTEM_CONTEXT).catch(() => null);
        if (list) await overview.syncBreakers(service, list);
      }),
    );
    await mirrorBreakerGauges(overview);
  };
}

/** Every service's breakers in this process's circuit_breaker_state gauge, as the rows have them. */
export async function mirrorBreakerGauges(overview: OverviewRepository): Promise<void> {
  for (const breaker of await overview.breakers())
    recordBreakerState(breaker.service, breaker.name, breaker.state as 'CLOSED' | 'OPEN' | 'HALF_OPEN');
}
