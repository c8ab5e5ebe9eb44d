import { Webhook } from 'standardwebhooks';
import {
  backoffMs,
  newWebhookSecret,
  nextAttemptAt,
  outcomeOf,
  retryAfterMs,
  shouldDisable,
  signingSecrets,
  webhookHeaders,
} from './webhook-delivery.ts';

const NOW = new Date('2026-12-07T10:00:00.000Z');

describe('webhook signing', () => {
  it('signs so that the standardwebhooks library verifies, with every secret during a rotation', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    expect(current).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ id: 'e1', type: 'store.created', occurredAt: NOW.toISOString(), data: {} });
    const headers = webhookHeaders('d1', new Date(), body, [current, previous]);
    expect(headers['webhook-id']).toBe('d1');
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });

  it('signs with the previous secret only while its grace lasts', () => {
    const endpoint = { secret: 'new', previousSecret: 'old', previousSecretUntil: new Date(NOW.getTime() + 1) };
    expect(signingSecrets(endpoint, NOW)).toEqual(['new', 'old']);
    expect(signingSecrets({ ...endpoint, previousSecretUntil: NOW }, NOW)).toEqual(['new']);
    expect(signingSecrets({ ...endpoint, previousSecret: null }, NOW)).toEqual(['new']);
  });
});

describe('attempt outcomes', () => {
  it.each([
    [200, 'DELIVERED'],
    [204, 'DELIVERED'],
    [null, 'RETRY'],
    [500, 'RETRY'],
    [503, 'RETRY'],
    [429, 'RETRY'],
    [400, 'FAILED'],
    [404, 'FAILED'],
    [410, 'FAILED'],
    [301, 'FAILED'],
    [302, 'FAILED'],
    [307, 'FAILED'],
  ] as const)('HTTP %s is %s', (status, kind) => {
    expect(outcomeOf(status, null, NOW).kind).toBe(kind);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs(new Date(NOW.getTime() + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(retryAfterMs(new Date(NOW.getTime() - 30_000).toUTCString(), NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs(null, NOW)).toBeNull();
    expect(outcomeOf(429, '7', NOW)).toEqual({ kind: 'RETRY', retryAfterMs: 7_000 });
    expect(outcomeOf(503, '7', NOW)).toEqual({ kind: 'RETRY', retryAfterMs: 7_000 });
    expect(outcomeOf(500, null, NOW)).toEqual({ kind: 'RETRY', retryAfterMs: null });
  });
});

describe('retry schedule', () => {
  const policy = { baseMs: 1_000, maxMs: 60_000, retryWindowMs: 86_400_000 };

  it('backs off exponentially up to the cap, jittered within the upper half', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 1_000, 60_000, 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 1_000, 60_000, 0.5))).toEqual([750, 1_500, 3_000, 6_000]);
    expect(backoffMs(20, 1_000, 60_000, 0)).toBe(30_000);
    expect(backoffMs(200, 1_000, 60_000, 0.5)).toBe(45_000);
  });

  it('waits for a Retry-After longer than the backoff, and gives up after the retry window', () => {
    const retry = { kind: 'RETRY' as const, retryAfterMs: null };
    expect(nextAttemptAt(retry, 1, NOW, NOW, policy, 0)).toEqual(new Date(NOW.getTime() + 500));
    expect(nextAttemptAt({ ...retry, retryAfterMs: 10_000 }, 1, NOW, NOW, policy, 0)).toEqual(
      new Date(NOW.getTime() + 10_000),
    );
    const owedSince = new Date(NOW.getTime() - policy.retryWindowMs + 100);
    expect(nextAttemptAt(retry, 1, owedSince, NOW, policy, 0)).toBeNull();
  });

  it('disables an endpoint only after failing for the whole window', () => {
    expect(shouldDisable(null, NOW, 1_000)).toBe(false);
    expect(shouldDisable(new Date(NOW.getTime() - 999), NOW, 1_000)).toBe(false);
    expect(shouldDisable(new Date(NOW.getTime() - 1_000), NOW, 1_000)).toBe(true);
  });
});
