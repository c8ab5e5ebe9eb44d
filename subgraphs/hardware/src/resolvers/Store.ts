import type { StoreResolvers } from '../generated/graphql.ts';

/** Store belongs to the stores subgraph; hardware answers only for the fields it contributes. */
export const Store: StoreResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  devices: (store, _args, { loaders }) => loaders.devicesByStoreId.load(store.id),
  assets: (store, _args, { loaders }) => loaders.assetsByStoreId.load(store.id),
  hubs: (store, _args, { loaders }) => loaders.hubsByStoreId.load(store.id),
};
