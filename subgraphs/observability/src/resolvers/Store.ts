import type { StoreResolvers } from '../generated/graphql.ts';

/** Store belongs to the stores subgraph; observability answers only for its monitors. */
export const Store: StoreResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  monitors: (store, _args, { loaders }) => loaders.monitorsByStoreId.load(store.id),
};
