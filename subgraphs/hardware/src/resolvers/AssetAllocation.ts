import type { AssetAllocationResolvers } from '../generated/graphql.ts';

export const AssetAllocation: AssetAllocationResolvers = {
  store: (allocation) => ({ id: allocation.storeId }),
};
