import { fetch } from 'undici';

/**
 * The gateway is ready when every subgraph answers its own /ready; the error names the ones that do
 * not. A subgraph without a /ready (404: another team's server) counts as ready when it answers.
 */
export function createReadinessCheck(subgraphUrls: Record<string, string>, timeoutMs = 2_000) {
  return async () => {
    const results = await Promise.all(
      Object.entries(subgraphUrls).map(async ([name, url]) => {
        const status = await readyStatus(url, timeoutMs);
        if (status === 'unreachable') return `${name} (unreachable)`;
        return answersReady(status) ? null : `${name} (HTTP ${status})`;
      }),
    );
    const failing = results.filter(Boolean);
    if (failing.length > 0) throw new Error(`subgraphs not ready: ${failing.join(', ')}`);
  };
}

/** Whether the subgraph at `url` (its /graphql) answers its own /ready within `timeoutMs`: what breakers probe. */
export async function isReady(url: string, timeoutMs = 2_000): Promise<boolean> {
  const status = await readyStatus(url, timeoutMs);
  return status !== 'unreachable' && answersReady(status);
}

/** The HTTP status of the subgraph's /ready, next to its /graphql. */
async function readyStatus(url: string, timeoutMs: number): Promise<number | 'unreachable'> {
  try {
    const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 'unreachable';
  }
}

function answersReady(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404;
}
