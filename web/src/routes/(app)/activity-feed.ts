// The dashboard's feed: entries that arrived live and the query's page, as one list by the time
// each thing happened (not by when it reached this page: events from several services, a hub's
// report or an outbox catching up arrive out of order), each once.

interface Entry {
  id: string;
  /** ISO date-time. */
  occurredAt: string;
}

export function mergeFeed<T extends Entry>(live: readonly T[], fetched: readonly T[], size: number): T[] {
  const seen = new Set<string>();
  return [...live, ...fetched]
    .filter((entry) => !seen.has(entry.id) && seen.add(entry.id))
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, size);
}
