import { fetchMetrics, type InternalClient } from '@switchyard/shared';
import { Redis } from 'ioredis';
import { fetch } from 'undici';
import type { CheckTarget } from '../domain/types.ts';
import type { CheckOutcome } from '../domain/health.ts';
import { parseOperationCounts, type OperationCounts } from '../domain/operation-counts.ts';

/** A probe per target: an HTTP /ready, the database ping, Redis PING. */
export type Probe = (signal: AbortSignal) => Promise<void>;

export interface MonitoredTarget extends CheckTarget {
  probe: Probe;
  /** Reads the service's operation counters (for error-rate rules), where it has /metrics; the client's timeout bounds it. */
  scrape?: () => Promise<OperationCounts | null>;
}

/** GET <baseUrl>/ready; any answer but 2xx is a failure (the service says why in the body). */
export function readyProbe(baseUrl: string): Probe {
  return async (signal) => {
    const response = await fetch(`${baseUrl}/ready`, { signal });
    if (!response.ok) throw new Error(`/ready answered HTTP ${response.status}`);
    await response.body?.cancel();
  };
}

/** GET <baseUrl>/metrics with the internal signature (services refuse it unsigned), reduced to the operation counters. */
export function metricsScrape(client: InternalClient, baseUrl: string): NonNullable<MonitoredTarget['scrape']> {
  return async () => parseOperationCounts(await fetchMetrics(client, baseUrl, 'observability-checks'));
}

/** Runs one probe with a timeout; never throws. */
export async function runCheck(probe: Probe, timeoutMs: number): Promise<CheckOutcome> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await Promise.race([
      probe(signal),
      new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error(`timed out after ${timeoutMs} ms`)), { once: true }),
      ),
    ]);
    return { ok: true, latencyMs: performance.now() - started, error: null };
  } catch (error) {
    const message = signal.aborted ? `timed out after ${timeoutMs} ms` : describe(error);
    return { ok: false, latencyMs: performance.now() - started, error: message.slice(0, 500) };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  return cause ? `${(error as Error).message} (${cause})` : ((error as Error)?.message ?? String(error));
}

/** PING on a connection of its own, so a stuck event bus connection does not hide a Redis outage (or fake one). */
export function redisProbe(url: string): Probe & { close(): void } {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  return Object.assign(
    async () => {
      if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
      await redis.ping();
    },
    { close: () => redis.disconnect() },
  );
}
