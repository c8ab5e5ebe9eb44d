import { fetchHubs, type InternalClient } from '@switchyard/shared';
import type { CheckTarget } from '../domain/types.ts';
import type { CheckOutcome } from '../domain/health.ts';

export interface HubCheck {
  target: CheckTarget;
  outcome: CheckOutcome;
}

const SYSTEM_CONTEXT = {
  principal: null,
  requestId: 'observability-hub-checks',
  clientIp: null,
  userAgent: 'switchyard-observability',
};

/**
 * Each Hubitat hub as a row of the health matrix, from the hardware subgraph's view (it polls the
 * hubs and hears their events): ONLINE is up, anything else down with the status as the reason.
 * Named `hub:<name>`, with the id's start added when two hubs share a name.
 */
export function hubChecks(client: InternalClient, hardwareBaseUrl: string): () => Promise<HubCheck[]> {
  return async () => {
    const hubs = await fetchHubs(client, hardwareBaseUrl, SYSTEM_CONTEXT);
    const shared = new Set(
      hubs.filter((hub, i) => hubs.findIndex((other) => other.name === hub.name) !== i).map((hub) => hub.name),
    );
    return hubs.map((hub) => ({
      target: {
        name: shared.has(hub.name) ? `hub:${hub.name} (${hub.id.slice(0, 8)})` : `hub:${hub.name}`,
        kind: 'HUB' as const,
      },
      outcome:
        hub.status === 'ONLINE'
          ? { ok: true, latencyMs: null, error: null }
          : { ok: false, latencyMs: null, error: `the hub is ${hub.status.toLowerCase()}` },
    }));
  };
}
