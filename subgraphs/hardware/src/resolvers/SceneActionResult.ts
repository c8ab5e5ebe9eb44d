import type { SceneActionResultResolvers } from '../generated/graphql.ts';

export const SceneActionResult: SceneActionResultResolvers = {
  device: (result, _args, { loaders }) => loaders.deviceById.load(result.deviceId),
};
