import type { OverviewResolvers } from '../generated/graphql.ts';

// One count query per request, whichever of the two figures are selected.
export const Overview: OverviewResolvers = {
  __resolveReference: async ({ scope }, { devices }) => ({ scope, ...(await devices.countByAvailability()) }),
};
