import type { Cache } from '@urql/exchange-graphcache';
import type { DeviceEventLiveSubscription } from '../generated/graphql.js';
import { invalidateField, type CacheArea } from './area.js';

/** Hubs and devices come and go with a registration, a sync or a removal: lists refetch. */
const invalidateHardwareLists = (cache: Cache) => {
  invalidateField(cache, 'Query', 'hubs');
  invalidateField(cache, 'Query', 'devices');
};

/**
 * Device and Hub are entities by id. A deviceEvent carries its device with the attributes as the
 * views select them, so writing the result updates Device:<id> and every tile and detail showing
 * it; its history is a paged list, dropped here so an open history refetches. A hubStatusChanged
 * carries its hub the same way.
 */
export const devicesCache: CacheArea = {
  embedded: [
    'DeviceAttribute',
    'DeviceCommand',
    'DeviceConnection',
    'DeviceEdge',
    'DeviceEventConnection',
    'DeviceEventEdge',
    'DeviceCommandResult',
    'HubStatusChange',
    'PageInfo',
  ],
  subscriptions: {
    deviceEvent(result, _args, cache) {
      const id = (result as Partial<DeviceEventLiveSubscription>).deviceEvent?.device?.id;
      if (id) invalidateField(cache, { __typename: 'Device', id }, 'events');
    },
  },
  mutations: {
    registerHub: (_r, _a, cache) => invalidateHardwareLists(cache),
    // The result carries the hub with its devices; device lists may gain or lose some.
    syncHub: (_r, _a, cache) => invalidateField(cache, 'Query', 'devices'),
    removeHub: (_r, args, cache) => {
      cache.invalidate({ __typename: 'Hub', id: args.id as string });
      invalidateHardwareLists(cache);
    },
  },
};
