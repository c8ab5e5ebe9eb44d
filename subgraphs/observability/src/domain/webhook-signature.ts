import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook notifications carry `x-switchyard-timestamp: <unix seconds>` and
 * `x-switchyard-signature: sha256=<hex>`, the HMAC-SHA256 of `<timestamp>.<body>`: signing the
 * timestamp too lets receivers refuse replays of an old notification (as Stripe and Slack do).
 */
export const WEBHOOK_SIGNATURE_HEADER = 'x-switchyard-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-switchyard-timestamp';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Delay before retry `attempt` (1-based): base, 2×base, 4×base…, capped at one hour. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), 3_600_000);
}
