import type { AssetResolvers } from '../generated/graphql.ts';

export const Asset: AssetResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.assetById.load(id),
  store: (asset) => (asset.storeId ? { id: asset.storeId } : null),
  allocations: (asset, _args, { loaders }) => loaders.allocationsByAssetId.load(asset.id),
};
