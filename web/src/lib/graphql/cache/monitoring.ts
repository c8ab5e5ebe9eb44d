import type { Cache } from '@urql/exchange-graphcache';
import type { MonitoringServiceStatusChangedSubscription } from '../generated/graphql.js';
import { invalidateField, invalidatesQuery, type CacheArea } from './area.js';
import { monitorStatusChanged } from './monitors.js';

/** Alerts move between status filters, and appear and disappear with their rules: every list refetches. */
const invalidateAlertLists = (cache: Cache) => invalidateField(cache, 'Query', 'alerts');

export const monitoringCache: CacheArea = {
  embedded: ['ServiceCheck', 'AlertConnection', 'AlertEdge', 'NotificationAttempt'],
  keys: {
    // One row per checked service, named by the checker; one breaker per service and name.
    ServiceStatus: (data) => (typeof data.name === 'string' ? data.name : null),
    CircuitBreaker: (data) =>
      typeof data.service === 'string' && typeof data.name === 'string' ? `${data.service}/${data.name}` : null,
  },
  subscriptions: {
    // The event carries the service as it is now, which the cache writes over its row; a service
    // checked for the first time is not in the list yet, so the list refetches.
    serviceStatusChanged(result, _args, cache) {
      const name = (result as MonitoringServiceStatusChangedSubscription).serviceStatusChanged.name;
      const listed = cache.resolve('Query', 'services');
      const key = cache.keyOfEntity({ __typename: 'ServiceStatus', name });
      if (Array.isArray(listed) && !(listed as unknown[]).includes(key)) invalidateField(cache, 'Query', 'services');
      // Its checks so far no longer end where the status now is: views of its history refetch.
      else if (key) invalidateField(cache, key, 'history');
      monitorStatusChanged(cache, name);
    },
    alertChanged(_result, _args, cache) {
      invalidateAlertLists(cache);
      invalidateField(cache, 'Query', 'overview');
    },
  },
  mutations: {
    createAlertRule: invalidatesQuery('alertRules'),
    deleteAlertRule(_result, args, cache) {
      // Its alerts go with it.
      cache.invalidate({ __typename: 'AlertRule', id: args.id as string });
      invalidateField(cache, 'Query', 'alertRules');
      invalidateAlertLists(cache);
    },
    createSilence: invalidatesQuery('silences'),
    // An ended silence leaves the list of those in force.
    expireSilence: invalidatesQuery('silences'),
    // The reset is in the activity feed; the breaker's row is written over by the answer.
    resetCircuitBreaker: invalidatesQuery('activity'),
  },
};
