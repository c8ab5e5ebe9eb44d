import type { Cache } from '@urql/exchange-graphcache';
import type {
  BulkTagStoresMutation,
  BulkTransitionStoresMutation,
  ReleaseAssetMutation,
  StoreChangedSubscription,
} from '../generated/graphql.js';
import { invalidateField, type CacheArea } from './area.js';

/** Lists filter and sort by status, name and city: a change to those may move a store in or out of any list. */
const invalidateStoreLists = (cache: Cache) => invalidateField(cache, 'Query', 'stores');
const invalidateAudit = (cache: Cache, id: string) => invalidateField(cache, { __typename: 'Store', id }, 'auditLog');
/** A store's hardware tab lists its allocated assets; the inventory pickers list what is in stock. */
export const invalidateStoreAssets = (cache: Cache, storeId: string | null | undefined) => {
  if (storeId) invalidateField(cache, { __typename: 'Store', id: storeId }, 'assets');
  invalidateField(cache, 'Query', 'assets');
};

export const storesCache: CacheArea = {
  embedded: [
    'Address',
    'NetworkPlan',
    'DhcpRange',
    'ProvisioningStep',
    'AuditActor',
    'FieldChange',
    'StoreEvent',
    'StoreConnection',
    'StoreEdge',
    'AuditEntryConnection',
    'AuditEntryEdge',
    'PageInfo',
    'BulkTransitionResult',
    'BulkTransitionOutcome',
    'BulkTagResult',
    'BulkTagOutcome',
    'StoreTagCount',
    'OperationError',
    // The hardware tab: what the hardware subgraph adds to Store.
    'AssetConnection',
    'AssetEdge',
    'AssetAllocation',
    'DeviceAttribute',
    // The notes tab (the store's journal).
    'StoreNoteConnection',
    'StoreNoteEdge',
  ],
  subscriptions: {
    storeChanged(result, _args, cache) {
      const event = (result as StoreChangedSubscription).storeChanged;
      if (event.kind !== 'STEP_COMPLETED') invalidateStoreLists(cache);
      // Someone else's tag change (or deletion) changes the tag filter's counts.
      if (event.kind === 'UPDATED' || event.kind === 'DELETED') invalidateField(cache, 'Query', 'storeTags');
      invalidateAudit(cache, event.storeId);
    },
  },
  mutations: {
    createStore: (_r, _a, cache) => invalidateStoreLists(cache),
    transitionStore: (_r, args, cache) => {
      invalidateStoreLists(cache);
      invalidateAudit(cache, args.id as string);
    },
    bulkTransitionStores: (result, _args, cache) => {
      invalidateStoreLists(cache);
      for (const outcome of (result as BulkTransitionStoresMutation).bulkTransitionStores?.results ?? []) {
        if (outcome.ok) invalidateAudit(cache, outcome.id);
      }
    },
    // Tags filter the lists and feed the tag filter's counts.
    setStoreTags: (_r, args, cache) => {
      invalidateStoreLists(cache);
      invalidateField(cache, 'Query', 'storeTags');
      invalidateAudit(cache, args.id as string);
    },
    bulkTagStores: (result, _args, cache) => {
      invalidateStoreLists(cache);
      invalidateField(cache, 'Query', 'storeTags');
      for (const outcome of (result as BulkTagStoresMutation).bulkTagStores?.results ?? []) {
        if (outcome.ok) invalidateAudit(cache, outcome.id);
      }
    },
    updateStore: (_r, args, cache) => {
      invalidateStoreLists(cache);
      invalidateAudit(cache, args.id as string);
    },
    completeProvisioningStep: (_r, args, cache) => invalidateAudit(cache, args.storeId as string),
    allocateAsset: (_r, args, cache) => {
      invalidateStoreAssets(cache, args.storeId as string);
      invalidateField(cache, { __typename: 'Asset', id: args.assetId as string }, 'allocations');
    },
    // The asset no longer names its store; its newest allocation (when selected) does.
    releaseAsset: (result, _args, cache) => {
      const released = (result as Partial<ReleaseAssetMutation>).releaseAsset;
      invalidateStoreAssets(cache, released?.allocations?.[0]?.store?.id);
    },
  },
};
