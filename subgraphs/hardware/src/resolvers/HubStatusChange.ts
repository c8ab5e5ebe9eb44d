import { NotFoundError } from '@switchyard/shared';
import type { HubStatusChangeResolvers } from '../generated/graphql.ts';

export const HubStatusChange: HubStatusChangeResolvers = {
  hub: async (change, _args, { loaders }) =>
    (await loaders.hubById.load(change.hubId)) ?? Promise.reject(new NotFoundError('Hub', change.hubId)),
};
