import type { CacheArea } from './area.js';

export const mealsCache: CacheArea = {
  embedded: [],
};
