import type { IncomingDeviceEvent, IngestOutcome } from '../domain/device-event.ts';

export interface EventIngestOptions {
  /** Stores a batch durably and tells what became of each event, in order. */
  store: (events: IncomingDeviceEvent[]) => Promise<IngestOutcome[]>;
  maxBatch: number;
  /**
   * How long a batch waits for company before it is written. Besides batching, this yields to
   * the event loop: an embedded database runs its queries on the main thread, and without a
   * pause incoming requests would be read only between batches, one at a time.
   */
  lingerMs?: number;
  /** Beyond this many waiting events, submit refuses (the route answers 503 and the hub retries). */
  maxPending: number;
}

/** Thrown by submit when the queue is full: backpressure rather than unbounded memory. */
export class IngestOverloadedError extends Error {
  constructor() {
    super('device event queue is full');
    this.name = 'IngestOverloadedError';
  }
}

export type EventIngest = ReturnType<typeof createEventIngest>;

interface Pending {
  event: IncomingDeviceEvent;
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Funnels device events from every source (hub pushes, reconciliation) through one writer per
 * process, in batches: one transaction per batch instead of one per event absorbs bursts of
 * hundreds per second, and one writer keeps each device's events in arrival order. submit()
 * resolves only after the event's batch committed, so an HTTP 2xx means it is stored.
 */
export function createEventIngest({ store, maxBatch, maxPending, lingerMs = 5 }: EventIngestOptions) {
  const queue: Pending[] = [];
  // The batch being written counts too: under a flood the queue alone empties into ever larger
  // batches and never looks full, so the limit would never shed load.
  let writing = 0;
  let running: Promise<void> | null = null;
  const pending = () => queue.length + writing;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      if (queue.length < maxBatch) await new Promise((resolve) => setTimeout(resolve, lingerMs));
      const batch = queue.splice(0, maxBatch);
      writing = batch.length;
      try {
        const outcomes = await store(batch.map((p) => p.event));
        batch.forEach((waiting, index) => waiting.resolve(outcomes[index]!));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      } finally {
        writing = 0;
      }
    }
  }

  function kick(): void {
    if (running) return;
    running = drain().finally(() => {
      running = null;
      // An event submitted while the last batch was settling starts the next round.
      if (queue.length > 0) kick();
    });
  }

  return {
    /** Whether a submit now would be refused: the route answers 503 before doing any work. */
    isFull: () => pending() >= maxPending,

    submit(event: IncomingDeviceEvent): Promise<IngestOutcome> {
      if (pending() >= maxPending) return Promise.reject(new IngestOverloadedError());
      const outcome = new Promise<IngestOutcome>((resolve, reject) => queue.push({ event, resolve, reject }));
      kick();
      return outcome;
    },

    /** Resolves when everything submitted so far is stored (shutdown waits for it). */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
