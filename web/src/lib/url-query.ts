// List pages keep their filters in the URL, so a filtered view survives a reload and can be shared.
import { goto } from '$app/navigation';

/** Goes to this page with `changes` applied to its query (null removes a parameter), keeping focus and scroll. */
export function updateQuery(current: URL, changes: Record<string, string | null>, { replaceState = true } = {}): Promise<void> {
  const url = new URL(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return goto(url, { keepFocus: true, noScroll: true, replaceState });
}

/** Applies a search box's trimmed text (null when empty) a moment after typing stops, or at once on submit. */
export function debouncedSearch(apply: (text: string | null) => void, waitMs = 250) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    input(text: string) {
      clearTimeout(timer);
      timer = setTimeout(() => apply(text.trim() || null), waitMs);
    },
    submit(text: string) {
      clearTimeout(timer);
      apply(text.trim() || null);
    },
  };
}

/**
 * Paging with forward-only cursors whose current one is in the URL (`after`): the cursors of the
 * pages before are remembered here, so Previous goes back the way Next came.
 */
export function cursorPages(go: (after: string | null) => void) {
  let earlier: (string | null)[] = [];
  return {
    next(current: string | null, cursor: string | null | undefined) {
      if (!cursor) return;
      earlier = [...earlier, current];
      go(cursor);
    },
    previous() {
      const cursor = earlier.at(-1) ?? null;
      earlier = earlier.slice(0, -1);
      go(cursor);
    },
    reset() {
      earlier = [];
    },
  };
}
