import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The browser's address, vouched for by the web server. Behind the web server every request reaches
 * the gateway from the web server's own address, so per-address rules (login throttling, rate
 * limits) would treat all browsers as one client. X-Forwarded-For cannot carry it: any client can
 * send one. The web server signs the address it saw with EDGE_SIGNING_SECRET (shared with the
 * gateway only) and a timestamp; the gateway believes a fresh, valid signature and nothing else.
 */
export const SIGNED_CLIENT_ADDRESS_HEADER = 'x-switchyard-signed-client';

// Fresh enough for a request in flight; a replay within it can only repeat the same address.
const MAX_AGE_MS = 60_000;
const MAX_FUTURE_SKEW_MS = 5_000;
// The address (an IPv6 one with a zone is under 64 characters), the time, the HMAC.
const SIGNED = /^([^;]{1,64});t=(\d{1,15});s=([0-9a-f]{64})$/;

export function signClientAddress(secret: string, address: string, now = Date.now()): string {
  return `${address};t=${now};s=${mac(secret, address, now)}`;
}

/** The address in a valid, fresh header; null for anything else (absent, forged, stale). */
export function verifyClientAddress(secret: string, header: string | undefined, now = Date.now()): string | null {
  const match = SIGNED.exec(header ?? '');
  if (!match) return null;
  const [, address, time, signature] = match as unknown as [string, string, string, string];
  const timestamp = Number(time);
  if (now - timestamp > MAX_AGE_MS || timestamp - now > MAX_FUTURE_SKEW_MS) return null;
  const expected = Buffer.from(mac(secret, address, timestamp), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? address : null;
}

function mac(secret: string, address: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`client-address.${timestamp}.${address}`).digest('hex');
}
