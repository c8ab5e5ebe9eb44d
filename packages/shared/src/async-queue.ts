/** A queue read as an async iterable, fed by push(); `end()` finishes it once it is drained. */
export interface AsyncQueue<T> extends AsyncIterable<T> {
  push(item: T): void;
  end(): void;
  /** Stops at once: what is still queued is dropped and a waiting reader finishes. */
  close(): void;
}

/**
 * For fan-out to consumers that read at their own pace. Bounded: a consumer `limit` items behind
 * is ended with the error `overflow()` makes (its items are dropped), so one stuck reader cannot
 * grow memory without end.
 */
export function createAsyncQueue<T>(limit: number, overflow: () => Error): AsyncQueue<T> {
  const items: T[] = [];
  let wakeUp: (() => void) | null = null;
  let ended = false;
  let failure: Error | null = null;
  const notify = () => {
    wakeUp?.();
    wakeUp = null;
  };
  return {
    push(item) {
      if (ended) return;
      if (items.length >= limit) {
        failure = overflow();
        ended = true;
        items.length = 0;
      } else items.push(item);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    close() {
      ended = true;
      items.length = 0;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (failure) throw failure;
        if (items.length > 0) yield items.shift()!;
        else if (ended) return;
        else await new Promise<void>((resolve) => (wakeUp = resolve));
      }
    },
  };
}
