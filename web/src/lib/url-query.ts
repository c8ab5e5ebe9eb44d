// List pages keep their filters in the URL, so a filtered view survives a reload and can be shared.
import { goto } from '$app/navigation';
import { page } from '$app/state';

/** Goes to this page with `changes` applied to its query (null removes a parameter), keeping focus and scroll. */
export function updateQuery(changes: Record<string, string | null>, { replaceState = true } = {}): Promise<void> {
  const url = new URL(page.url);
  for (const [key, value] of Object.entries(changes)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return goto(url, { keepFocus: true, noScroll: true, replaceState });
}

/** Applies a search box's trimmed text (null when empty) a moment after typing stops, or at once on submit. */
export function debouncedSearch(apply: (text: string | null) => void, waitMs = 250) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    input(text: string) {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        apply(text.trim() || null);
      }, waitMs);
    },
    submit(text: string) {
      cancel();
      apply(text.trim() || null);
    },
    /** Whether typed text is still waiting to be applied. */
    pending: () => timer !== undefined,
    /** Drops a search still waiting: the person is leaving the list (a result clicked before it caught up). */
    cancel,
  };
}

export type CursorPaging = ReturnType<typeof cursorPaging>;

/**
 * A list paged with forward-only cursors whose current one is in the URL (`after`). The cursors of
 * the pages before are remembered here, so Previous goes back the way Next came; a new filter is a
 * new view and starts again at its first page (`onfilter` lets the page drop what it kept, e.g. a selection).
 */
export function cursorPaging(onfilter?: () => void) {
  let earlier: (string | null)[] = [];
  const go = (after: string | null) => updateQuery({ after }, { replaceState: false });
  return {
    filter(changes: Record<string, string | null>) {
      earlier = [];
      onfilter?.();
      void updateQuery({ ...changes, after: null });
    },
    next(cursor: string | null | undefined) {
      if (!cursor) return;
      earlier = [...earlier, page.url.searchParams.get('after')];
      void go(cursor);
    },
    previous() {
      const cursor = earlier.at(-1) ?? null;
      earlier = earlier.slice(0, -1);
      void go(cursor);
    },
  };
}
