import type { CacheArea } from './area.js';

export const monitoringCache: CacheArea = {
  embedded: [],
};
