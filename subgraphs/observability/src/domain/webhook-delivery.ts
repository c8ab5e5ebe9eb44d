import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** `whsec_` and 32 random bytes in base64: the Standard Webhooks secret format. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The Standard Webhooks headers of one attempt. Several secrets (during a rotation's grace period)
 * give several space-separated signatures; a receiver accepts the message if any one verifies.
 */
export function webhookHeaders(
  messageId: string,
  at: Date,
  body: string,
  secrets: readonly string[],
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' '),
  };
}

export type AttemptOutcome =
  | { kind: 'DELIVERED' }
  /** Worth another try: a timeout, a network error, 5xx or 429 (`retryAfterMs` from a Retry-After, e.g. a 429's or 503's). */
  | { kind: 'RETRY'; retryAfterMs: number | null }
  /** Other 4xx and any redirect: the receiver will not take it, retrying does not help. */
  | { kind: 'FAILED' };

export function outcomeOf(status: number | null, retryAfter: string | null, now: Date): AttemptOutcome {
  if (status === null) return { kind: 'RETRY', retryAfterMs: null };
  if (status >= 500 || status === 429) return { kind: 'RETRY', retryAfterMs: retryAfterMs(retryAfter, now) };
  if (status >= 200 && status < 300) return { kind: 'DELIVERED' };
  return { kind: 'FAILED' };
}

/** `Retry-After` as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/**
 * Delay before retry `attempt` (1-based): exponential from `baseMs`, capped at `maxMs`, with "full
 * jitter" in its upper half so receivers coming back are not hit by every sender at once.
 * `random` is in [0, 1).
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * When a delivery should be tried next, or null when it has run out of time: retries go on for
 * `retryWindowMs` after the delivery was created; a Retry-After later than the backoff wins.
 */
export function nextAttemptAt(
  outcome: Extract<AttemptOutcome, { kind: 'RETRY' }>,
  attempt: number,
  createdAt: Date,
  now: Date,
  policy: { baseMs: number; maxMs: number; retryWindowMs: number },
  random: number,
): Date | null {
  const delay = Math.max(backoffMs(attempt, policy.baseMs, policy.maxMs, random), outcome.retryAfterMs ?? 0);
  const at = new Date(now.getTime() + delay);
  return at.getTime() - createdAt.getTime() > policy.retryWindowMs ? null : at;
}

/** An endpoint failing without a success since `failingSince` for the whole window is disabled. */
export function shouldDisable(failingSince: Date | null, now: Date, disableAfterMs: number): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= disableAfterMs;
}

/** The secrets that sign now: the current one, and the previous one while its grace lasts. */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  now: Date,
): string[] {
  return endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now
    ? [endpoint.secret, endpoint.previousSecret]
    : [endpoint.secret];
}
