import type { Router } from 'express';
import type { HubRepository } from '../data/hub-repository.ts';

/**
 * For observability's health matrix (behind the gateway signature): every hub's status as this
 * subgraph last saw it. Never the base URL's credentials or the access token.
 */
export const HUBS_STATUS_PATH = '/internal/hubs';

export interface HubStatusSummary {
  id: string;
  name: string;
  status: string;
  lastSeenAt: string | null;
}

export function mountHubsStatusRoute(router: Router, { hubs }: { hubs: HubRepository }): void {
  router.get(HUBS_STATUS_PATH, async (_req, res, next) => {
    try {
      const summaries: HubStatusSummary[] = (await hubs.list()).map(({ id, name, status, lastSeenAt }) => ({ id, name, status, lastSeenAt: lastSeenAt?.toISOString() ?? null }));
      res.json({ hubs: summaries });
    } catch (error) {
      next(error);
    }
  });
}
