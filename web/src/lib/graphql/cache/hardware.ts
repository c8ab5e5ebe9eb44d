import type { Cache } from '@urql/exchange-graphcache';
import type { MarkAssetFaultyMutation, RetireAssetMutation } from '../generated/graphql.js';
import { invalidateField, type CacheArea } from './area.js';
import { invalidateStoreAssets } from './stores.js';

/** The inventory lists filter by status, store and kind and sort by serial number: any change may move an asset. */
const invalidateAssetLists = (cache: Cache) => invalidateField(cache, 'Query', 'assets');

/** An action that may end an allocation: the store it ended at (the newest allocation, as answered) loses the asset. */
function afterLeavingStore(cache: Cache, allocations: { store?: { id: string } | null }[] | undefined) {
  invalidateStoreAssets(cache, allocations?.[0]?.store?.id);
}

export const hardwareCache: CacheArea = {
  embedded: [],
  mutations: {
    createAsset: (_r, _a, cache) => invalidateAssetLists(cache),
    updateAsset: (_r, _a, cache) => invalidateAssetLists(cache),
    markAssetFaulty: (result, _a, cache) =>
      afterLeavingStore(cache, (result as Partial<MarkAssetFaultyMutation>).markAssetFaulty?.allocations),
    retireAsset: (result, _a, cache) =>
      afterLeavingStore(cache, (result as Partial<RetireAssetMutation>).retireAsset?.allocations),
    releaseStoreAssets: (_r, args, cache) => invalidateStoreAssets(cache, args.storeId as string),
  },
};
