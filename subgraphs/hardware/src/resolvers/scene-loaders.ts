import { groupedLoader, loaderById } from '@switchyard/shared';
import type { Context } from '../context.ts';

function createSceneLoaders({ scenes }: Context) {
  return {
    sceneById: loaderById(scenes.findManyScenes),
    scheduleById: loaderById(scenes.findManySchedules),
    lastRunBySceneId: groupedLoader((ids) => scenes.lastRuns('sceneId', ids)),
    lastRunByScheduleId: groupedLoader((ids) => scenes.lastRuns('scheduleId', ids)),
  };
}

// Per request, like the context's own loaders; kept here so scenes add nothing to the shared context.
const byRequest = new WeakMap<Context['loaders'], ReturnType<typeof createSceneLoaders>>();

export function sceneLoaders(context: Context): ReturnType<typeof createSceneLoaders> {
  let loaders = byRequest.get(context.loaders);
  if (!loaders) {
    loaders = createSceneLoaders(context);
    byRequest.set(context.loaders, loaders);
  }
  return loaders;
}
