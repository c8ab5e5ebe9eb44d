/** What a bulk action on the store list did, as the list reports it (BulkOutcome.svelte). */
export interface BulkOutcome {
  /** e.g. "3 moved to active, 1 not moved". */
  title: string;
  succeeded: number;
  /** Shared by the audit entries written: the change's page lists them. */
  changeId: string;
  rows: { id: string; name: string; code: string; ok: boolean; text?: string }[];
}

interface Result {
  id: string;
  ok: boolean;
  store?: { name: string; code: string } | null;
  error?: { message: string } | null;
}

/** The rows of a bulk result, named as the selection knew each store (an id it did not know stays an id). */
export function outcomeRows<R extends Result>(
  results: readonly R[],
  names: ReadonlyMap<string, { name: string; code: string }>,
  text: (result: R) => string | undefined,
): BulkOutcome['rows'] {
  return results.map((r) => ({
    id: r.id,
    ...(names.get(r.id) ?? { name: r.store?.name ?? r.id, code: r.store?.code ?? '' }),
    ok: r.ok,
    text: text(r),
  }));
}
