import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { InternalClient } from './internal-client.ts';
import { CONTEXT_HEADER, encodeContext, type NonceStore } from './internal-signature.ts';
import { requireInternalSignature } from './internal-signature-middleware.ts';

export interface MetricsAccessOptions {
  internalSigningSecret: string;
  nonces: NonceStore;
  /** A bearer token a Prometheus scraper may send instead of the internal signature (the gateway's METRICS_TOKEN). */
  token?: string | undefined;
}

/**
 * Who may read /metrics: a caller with the internal signature (observability's checks, the test
 * system), or one with the configured bearer token. Anyone else gets 401: series names and
 * counts describe the system to an attacker, and every scrape costs the process.
 */
export function metricsAccess({ internalSigningSecret, nonces, token }: MetricsAccessOptions): RequestHandler {
  const signed = requireInternalSignature(internalSigningSecret, nonces);
  const expected = token ? digest(token) : null;
  return (req, res, next) => {
    const bearer = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (expected && bearer && timingSafeEqual(digest(bearer), expected)) return next();
    return signed(req, res, next);
  };
}

// Equal-length digests, so the comparison takes the same time whatever the guess.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** A service's /metrics text, read with the internal signature; non-2xx answers throw. */
export async function fetchMetrics(client: InternalClient, baseUrl: string, requestId: string): Promise<string> {
  const response = await client.fetch(`${baseUrl}/metrics`, {
    headers: {
      'x-request-id': requestId,
      [CONTEXT_HEADER]: encodeContext({ principal: null, requestId, clientIp: null, userAgent: 'switchyard-metrics' }),
    },
  });
  if (!response.ok) throw new Error(`/metrics answered HTTP ${response.status}`);
  return response.text();
}
