/**
 * SvelteKit checks the Origin of form posts only (form content types). The session endpoints
 * (/auth/refresh, /auth/logout) take bodiless or JSON posts, so the same rule is applied to them
 * here: a state-changing request must come from a page of this origin. SameSite=Lax on the refresh
 * cookie alone would let a sibling subdomain or an old browser post cross-site.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const GUARDED_PATHS = ['/auth/'];

export function isCrossSiteRequest(request: Request, url: URL): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (!GUARDED_PATHS.some((prefix) => url.pathname.startsWith(prefix))) return false;
  return request.headers.get('origin') !== url.origin;
}
