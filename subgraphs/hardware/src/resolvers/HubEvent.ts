import type { HubEventResolvers } from '../generated/graphql.ts';

export const HubEvent: HubEventResolvers = {
  hub: async (event, _args, { loaders }) => (await loaders.hubById.load(event.hubId))!,
};
