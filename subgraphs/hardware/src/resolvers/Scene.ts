import type { SceneResolvers } from '../generated/graphql.ts';
import { sceneLoaders } from './scene-loaders.ts';

export const Scene: SceneResolvers = {
  store: (scene) => (scene.storeId ? { id: scene.storeId } : null),
  lastRun: async (scene, _args, context) => (await sceneLoaders(context).lastRunBySceneId.load(scene.id))[0] ?? null,
};
