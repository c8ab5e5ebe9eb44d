import type { RequestSource } from './request-origin.ts';

/**
 * Headers every answer of the web server carries, pages, assets and the proxied event stream alike.
 * The Content-Security-Policy comes from SvelteKit (svelte.config.js, `kit.csp`), which puts a
 * nonce or a hash on each of its own scripts, so no inline script is allowed.
 */
export function securityHeaders(source: Pick<RequestSource, 'protocol'>): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    // Links out (a recipe's source page) do not tell other sites which page of ours they came from.
    'referrer-policy': 'same-origin',
    // For browsers without CSP's frame-ancestors: the app is never framed (clickjacking).
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    // Only over HTTPS: on plain HTTP a browser ignores it, and a proxy that terminates TLS says so
    // (WEB_TRUST_PROXY) or the configured ORIGIN is https.
    ...(source.protocol === 'https' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
