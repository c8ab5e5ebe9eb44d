import type { SceneRunResolvers } from '../generated/graphql.ts';
import { sceneLoaders } from './scene-loaders.ts';

export const SceneRun: SceneRunResolvers = {
  scene: (run, _args, context) => (run.sceneId ? sceneLoaders(context).sceneById.load(run.sceneId) : null),
  schedule: (run, _args, context) => (run.scheduleId ? sceneLoaders(context).scheduleById.load(run.scheduleId) : null),
  startedBy: (run) => (run.startedBy ? { id: run.startedBy } : null),
};
