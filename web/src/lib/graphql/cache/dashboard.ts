import type { CacheArea } from './area.js';

export const dashboardCache: CacheArea = {
  embedded: ['ActivityConnection', 'ActivityEdge', 'StoreStatusCount'],
  // The one Overview there is, keyed as the API keys it.
  keys: { Overview: (data) => (typeof data.scope === 'string' ? data.scope : null) },
};
