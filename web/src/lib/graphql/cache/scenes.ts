import type { Cache } from '@urql/exchange-graphcache';
import { invalidateField, type CacheArea } from './area.js';

const invalidateScheduleLists = (cache: Cache) => invalidateField(cache, 'Query', 'schedules');

/**
 * Scene, Schedule and SceneRun are entities by id; a scene's actions and a run's results are part
 * of them. Creating or deleting changes the lists; a run answers its scene's new lastRun.
 */
export const scenesCache: CacheArea = {
  embedded: ['SceneAction', 'SceneActionResult', 'SceneRunConnection', 'SceneRunEdge'],
  mutations: {
    createScene: (_r, _a, cache) => invalidateField(cache, 'Query', 'scenes'),
    deleteScene: (_r, args, cache) => {
      cache.invalidate({ __typename: 'Scene', id: args.id as string });
      invalidateField(cache, 'Query', 'scenes');
    },
    createSchedule: (_r, _a, cache) => invalidateScheduleLists(cache),
    // A changed target or timing changes its runs' meaning; its history refetches.
    updateSchedule: (_r, args, cache) =>
      invalidateField(cache, { __typename: 'Schedule', id: args.id as string }, 'runs'),
    deleteSchedule: (_r, args, cache) => {
      cache.invalidate({ __typename: 'Schedule', id: args.id as string });
      invalidateScheduleLists(cache);
    },
  },
};
