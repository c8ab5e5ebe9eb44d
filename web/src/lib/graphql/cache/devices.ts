import type { CacheArea } from './area.js';

export const devicesCache: CacheArea = {
  embedded: [],
};
