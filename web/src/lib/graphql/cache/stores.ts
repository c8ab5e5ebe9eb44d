import type { Cache } from '@urql/exchange-graphcache';
import type { StoreChangedSubscription } from '../generated/graphql.js';
import { invalidateField, type CacheArea } from './area.js';

/** Lists filter and sort by status, name and city: a change to those may move a store in or out of any list. */
const invalidateStoreLists = (cache: Cache) => invalidateField(cache, 'Query', 'stores');
const invalidateAudit = (cache: Cache, id: string) => invalidateField(cache, { __typename: 'Store', id }, 'auditLog');

export const storesCache: CacheArea = {
  embedded: [
    'Address', 'NetworkPlan', 'DhcpRange', 'ProvisioningStep', 'AuditActor', 'FieldChange', 'StoreEvent',
    'StoreConnection', 'StoreEdge', 'AuditEntryConnection', 'AuditEntryEdge', 'PageInfo', 'BulkTransitionResult',
    'BulkTransitionOutcome', 'OperationError',
  ],
  subscriptions: {
    storeChanged(result, _args, cache) {
      const event = (result as StoreChangedSubscription).storeChanged;
      if (event.kind !== 'STEP_COMPLETED') invalidateStoreLists(cache);
      invalidateAudit(cache, event.storeId);
    },
  },
  mutations: {
    createStore: (_r, _a, cache) => invalidateStoreLists(cache),
    transitionStore: (_r, args, cache) => {
      invalidateStoreLists(cache);
      invalidateAudit(cache, args.id as string);
    },
    updateStore: (_r, args, cache) => {
      invalidateStoreLists(cache);
      invalidateAudit(cache, args.id as string);
    },
    completeProvisioningStep: (_r, args, cache) => invalidateAudit(cache, args.storeId as string),
  },
};
