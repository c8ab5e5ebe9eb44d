import { fetch } from 'undici';

/** The gateway is ready when every subgraph answers its own /ready; the error names the ones that do not. */
export function createReadinessCheck(subgraphUrls: Record<string, string>, timeoutMs = 2_000) {
  return async () => {
    const results = await Promise.all(
      Object.entries(subgraphUrls).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(timeoutMs) });
          return response.ok ? null : `${name} (HTTP ${response.status})`;
        } catch {
          return `${name} (unreachable)`;
        }
      }),
    );
    const failing = results.filter(Boolean);
    if (failing.length > 0) throw new Error(`subgraphs not ready: ${failing.join(', ')}`);
  };
}

/** Whether the subgraph at `url` (its /graphql) answers its own /ready within `timeoutMs`: what breakers probe. */
export async function isReady(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
