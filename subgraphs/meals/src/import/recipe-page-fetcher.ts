import { createCircuitBreakers, type CircuitBreakersOptions } from '@switchyard/shared';
import { fetchPage, isSiteFailure, type FetchPageOptions } from './fetch-page.ts';

/** Sites remembered at once (the URLs come from users); beyond it the least recently used healthy one is forgotten. */
const MAX_SITES = 200;

export type RecipePageFetcher = (url: string) => Promise<{ html: string; url: string }>;

/**
 * Imports go through one circuit breaker per site (host and port of the URL given): a site that
 * keeps timing out, refusing connections or answering 5xx is not asked again until the breaker
 * lets a call through, and the import fails at once with SERVICE_UNAVAILABLE. A bad URL, a
 * private address or a page without a recipe is the user's problem, not the site's: not counted.
 */
export function createRecipePageFetcher(
  options: FetchPageOptions,
  breaker: Pick<CircuitBreakersOptions, 'failures' | 'halfOpenAfterMs' | 'onStateChange'>,
): RecipePageFetcher {
  const breakers = createCircuitBreakers({
    service: 'meals',
    ...breaker,
    countsError: isSiteFailure,
    maxBreakers: MAX_SITES,
  });
  return (url) => {
    const host = hostOf(url);
    // Not an http(s) URL: fetchPage says why.
    if (!host) return fetchPage(url, options);
    return breakers.execute(`recipe-import:${host}`, `The site ${host}`, () => fetchPage(url, options));
  };
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : null;
  } catch {
    return null;
  }
}
