// A store's live event carries the store as it was when the event was delivered, which can be
// older than what this page already has: a save's own response (version 6) can arrive before the
// event of the change before it (version 5). Every Store carries its version, so results from the
// network are checked here, before the cache: a subscription result holding a store older than one
// already seen is dropped (its data is emptied, so the cache writes nothing), and the newest wins.
import { mapExchange, type Exchange, type OperationResult } from '@urql/core';

interface VersionedStore {
  __typename: 'Store';
  id: string;
  version: number;
}

function isVersionedStore(value: object): value is VersionedStore {
  const candidate = value as Partial<VersionedStore>;
  return candidate.__typename === 'Store' && typeof candidate.id === 'string' && typeof candidate.version === 'number';
}

/** Every Store with a version anywhere in a result's data. */
function* storesIn(value: unknown): Generator<VersionedStore> {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* storesIn(item);
    return;
  }
  if (isVersionedStore(value)) yield value;
  for (const child of Object.values(value)) yield* storesIn(child);
}

export function createStoreVersionGuard(): Exchange {
  const newest = new Map<string, number>();

  function isStale(result: OperationResult): boolean {
    if (result.operation.kind !== 'subscription') return false;
    for (const store of storesIn(result.data)) if (store.version < (newest.get(store.id) ?? 0)) return true;
    return false;
  }

  return mapExchange({
    onResult(result) {
      if (isStale(result)) return { ...result, data: null };
      for (const store of storesIn(result.data))
        newest.set(store.id, Math.max(store.version, newest.get(store.id) ?? 0));
      return result;
    },
  });
}
