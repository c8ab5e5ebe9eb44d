import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders over a repository's batch finder: one call per tick for every key asked,
 * answers handed back in the keys' order (how entities resolve without N+1 across the graph).
 */

/** At most one row per key: `find` returns the rows that exist, in any order; a missing key is null. */
export function loaderByKey<T>(
  find: (keys: readonly string[]) => Promise<readonly T[]>,
  keyOf: (row: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const found = new Map((await find(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** loaderByKey on the rows' `id`. */
export function loaderById<T extends { id: string }>(
  find: (ids: readonly string[]) => Promise<readonly T[]>,
): DataLoader<string, T | null> {
  return loaderByKey(find, (row) => row.id);
}

/** Many rows per key: `find` returns them grouped by key (see groupBy); a key without rows gets []. */
export function groupedLoader<T>(
  find: (keys: readonly string[]) => Promise<ReadonlyMap<string, T[]>>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const found = await find(keys);
    return keys.map((key) => found.get(key) ?? []);
  });
}

/** Rows grouped by a key, each group in the rows' order: what a grouped finder hands its loader. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
