import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';

/**
 * What one area of the UI (stores, devices, meals…) tells the normalized cache: which of its types
 * have no id (they belong to their parent), and how its mutations and subscription events make
 * cached lists stale. client.ts merges every area; each area owns its own file.
 */
export interface CacheArea {
  embedded: string[];
  /** Types identified by something other than `id`, e.g. a name. */
  keys?: KeyingConfig;
  mutations?: Record<string, UpdateResolver>;
  subscriptions?: Record<string, UpdateResolver>;
}

/** Drops every cached variant (all arguments) of one field, so views showing it refetch. */
export function invalidateField(cache: Cache, entity: string | { __typename: string; id: string }, fieldName: string) {
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName === fieldName) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

/** An update that invalidates root query fields, e.g. after a create or delete. */
export const invalidatesQuery =
  (...fieldNames: string[]): UpdateResolver =>
  (_result, _args, cache) => {
    for (const name of fieldNames) invalidateField(cache, 'Query', name);
  };
