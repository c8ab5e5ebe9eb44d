import { randomUUID } from 'node:crypto';

/** Not sent by a real hub (see HUBITAT_DELIVERY_HEADER in @switchyard/shared): one id per delivery, kept by its retries. */
export const DELIVERY_HEADER = 'x-hubitat-delivery';

export interface HubEventContent {
  name: string;
  value: string | null;
  displayName: string | null;
  deviceId: string | null;
  descriptionText: string | null;
  unit: string | null;
  type: 'physical' | 'digital' | null;
  data: null;
  /** Set on momentary events (button presses), as Hubitat drivers do. */
  isStateChange?: boolean;
}

export interface DeliveryOptions {
  /** Attempts per event, the first included. */
  attempts: number;
  retryDelayMs: number;
  timeoutMs: number;
}

export interface DeliveryStats {
  delivered: number;
  retried: number;
  dropped: number;
}

/**
 * POSTs events to the hub's postURL one at a time, in order, as `{ "content": … }`, retrying a
 * failed delivery (network error or 5xx) with the very same body and delivery id (the
 * DELIVERY_HEADER); 4xx answers are final. A body is resent unchanged, which is what the
 * receiver's de-duplication relies on.
 */
export function createEventDelivery(options: DeliveryOptions) {
  const queue: { url: string; body: string; id: string }[] = [];
  const stats: DeliveryStats = { delivered: 0, retried: 0, dropped: 0 };
  let running: Promise<void> | null = null;
  let paused = false;

  async function post(url: string, body: string, id: string): Promise<'done' | 'retry'> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DELIVERY_HEADER]: id },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.arrayBuffer();
      return response.status >= 500 ? 'retry' : 'done';
    } catch {
      return 'retry';
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !paused) {
      const { url, body, id } = queue[0]!;
      let outcome: 'done' | 'retry' = 'retry';
      for (let attempt = 1; attempt <= options.attempts && outcome === 'retry' && !paused; attempt++) {
        if (attempt > 1) {
          stats.retried++;
          await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs * (attempt - 1)));
        }
        outcome = await post(url, body, id);
      }
      if (paused && outcome === 'retry') return;
      queue.shift();
      if (outcome === 'done') stats.delivered++;
      else stats.dropped++;
    }
  }

  function kick(): void {
    if (running || paused) return;
    running = drain().finally(() => {
      running = null;
      if (queue.length > 0) kick();
    });
  }

  return {
    stats,
    send(url: string, content: HubEventContent): void {
      queue.push({ url, body: JSON.stringify({ content }), id: randomUUID() });
      kick();
    },
    /** A powered-off hub sends nothing; what was queued goes out after resume. */
    pause(): void {
      paused = true;
    },
    resume(): void {
      paused = false;
      kick();
    },
    clear(): void {
      queue.length = 0;
    },
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
