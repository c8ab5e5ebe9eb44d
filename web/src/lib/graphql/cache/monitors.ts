import type { Cache } from '@urql/exchange-graphcache';
import { invalidateField, type CacheArea } from './area.js';

/** Every list of monitors (all stores, one store's) refetches: one was added, removed or moved. */
const invalidateMonitorLists = (cache: Cache) => invalidateField(cache, 'Query', 'monitors');

/** A monitor's checks so far end before its newest: views of its strip refetch. */
function invalidateChecksOf(cache: Cache, id: string) {
  const key = cache.keyOfEntity({ __typename: 'ServiceStatus', name: `monitor:${id}` });
  if (key) invalidateField(cache, key, 'history');
}

/**
 * Monitors' results are service states (monitor:<id>), which serviceStatusChanged writes into the
 * cache (monitoring.ts); a monitor checked for the first time has no status link yet, so its row
 * refetches (`monitorStatusChanged`, called from there).
 */
export function monitorStatusChanged(cache: Cache, name: string) {
  if (!name.startsWith('monitor:')) return;
  const id = name.slice('monitor:'.length);
  const entity = { __typename: 'Monitor', id };
  if (cache.resolve(entity, 'status') === null) invalidateField(cache, entity, 'status');
  invalidateChecksOf(cache, id);
}

export const monitorsCache: CacheArea = {
  embedded: ['HttpMonitorSettings'],
  mutations: {
    createMonitor: (_result, _args, cache) => invalidateMonitorLists(cache),
    updateMonitor: (_result, _args, cache) => invalidateMonitorLists(cache),
    deleteMonitor(_result, args, cache) {
      cache.invalidate({ __typename: 'Monitor', id: args.id as string });
      invalidateMonitorLists(cache);
    },
    checkMonitorNow(_result, args, cache) {
      invalidateChecksOf(cache, args.id as string);
    },
  },
};
