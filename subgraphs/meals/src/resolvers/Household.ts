import type { HouseholdResolvers } from '../generated/graphql.ts';

export const Household: HouseholdResolvers = {
  owner: async (household, _args, { households }) => {
    const [owner] = await households.members(household.id);
    return { id: owner!.userId };
  },
  members: async (household, _args, { households }) =>
    (await households.members(household.id)).map((member) => ({ id: member.userId })),
};
