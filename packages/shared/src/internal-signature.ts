import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ForwardedContext } from './principal.ts';

/**
 * The gateway signs what it forwards: the caller's identity (context header), a timestamp, a
 * one-time nonce and a hash of the body. Subgraphs accept a request only with a valid signature,
 * so a direct call to a subgraph port, a forged identity or a replayed header is refused.
 */
export const CONTEXT_HEADER = 'x-switchyard-context';
export const SIGNATURE_HEADER = 'x-switchyard-signature';

// How old a signature may be (the network and a busy gateway), and how far in the future (clocks of
// two hosts differ a little; more than that is a signature made to outlive its window).
const MAX_AGE_MS = 30_000;
const MAX_FUTURE_SKEW_MS = 5_000;

export function encodeContext(context: ForwardedContext): string {
  return Buffer.from(JSON.stringify(context)).toString('base64url');
}

export function signRequest(secret: string, contextHeader: string, body: string | Buffer, now = Date.now()): string {
  const nonce = randomUUID();
  return `t=${now},n=${nonce},s=${mac(secret, now, nonce, contextHeader, body)}`;
}

/** Remembers nonces for the clock-skew window so each signature is accepted once. */
export interface NonceStore {
  /** Returns false when the nonce was already claimed. */
  claim(nonce: string, ttlMs: number): Promise<boolean>;
  /** With a shared store: whether its Redis answers a PING within 250 ms (what /ready reports). */
  redisStatus?(): Promise<'up' | 'down'>;
}

export function createMemoryNonceStore(): NonceStore {
  const seen = new Map<string, number>();
  return {
    async claim(nonce, ttlMs) {
      const now = Date.now();
      if (seen.size > 10_000) for (const [key, expiry] of seen) if (expiry < now) seen.delete(key);
      const expiry = seen.get(nonce);
      if (expiry !== undefined && expiry >= now) return false;
      seen.set(nonce, now + ttlMs);
      return true;
    },
  };
}

export type VerifyResult = { ok: true; context: ForwardedContext } | { ok: false; reason: string };

export async function verifyRequest(
  secret: string,
  nonces: NonceStore,
  headers: { context: string | undefined; signature: string | undefined },
  body: string | Buffer,
  now = Date.now(),
): Promise<VerifyResult> {
  if (!headers.context || !headers.signature) return { ok: false, reason: 'missing gateway signature' };
  const parts = Object.fromEntries(headers.signature.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isSafeInteger(timestamp) || !parts.n || !parts.s)
    return { ok: false, reason: 'malformed gateway signature' };
  if (now - timestamp > MAX_AGE_MS) return { ok: false, reason: 'expired gateway signature' };
  if (timestamp - now > MAX_FUTURE_SKEW_MS) return { ok: false, reason: 'gateway signature from the future' };
  const expected = Buffer.from(mac(secret, timestamp, parts.n, headers.context, body), 'hex');
  const given = Buffer.from(parts.s, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid gateway signature' };
  if (!(await nonces.claim(parts.n, MAX_AGE_MS + MAX_FUTURE_SKEW_MS)))
    return { ok: false, reason: 'replayed gateway signature' };
  try {
    return {
      ok: true,
      context: JSON.parse(Buffer.from(headers.context, 'base64url').toString('utf8')) as ForwardedContext,
    };
  } catch {
    return { ok: false, reason: 'malformed gateway context' };
  }
}

function mac(secret: string, timestamp: number, nonce: string, contextHeader: string, body: string | Buffer): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.${contextHeader}.${bodyHash}`).digest('hex');
}
