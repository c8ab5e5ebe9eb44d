import type { UserResolvers } from '../generated/graphql.ts';
import { canSeeHouseholdOf } from '../domain/household-access.ts';
import { isUuid } from '@switchyard/shared';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),

  household: async ({ id }, _args, { principal, membership, loaders, households }) => {
    if (!principal || !isUuid(id)) return null;
    const theirs = await loaders.membershipByUser.load(id);
    return canSeeHouseholdOf(principal, await membership(), theirs) ? households.findById(theirs!.householdId) : null;
  },
};
