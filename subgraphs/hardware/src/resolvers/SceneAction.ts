import type { SceneActionResolvers } from '../generated/graphql.ts';

export const SceneAction: SceneActionResolvers = {
  // Actions go with their device (the foreign key cascades), so the device is there.
  device: async (action, _args, { loaders }) => (await loaders.deviceById.load(action.deviceId))!,
};
