import { randomUUID } from 'node:crypto';
import {
  createCircuitBreakers,
  ServiceUnavailableError,
  type CircuitBreakerSnapshot,
  type DomainEvent,
  type Logger,
} from '@switchyard/shared';
import { Counter, Histogram } from 'prom-client';
import type { ActivityRepository } from '../data/repositories.ts';
import type { AttemptResult, WebhookRepository } from '../data/repositories.ts';
import { nextAttemptAt, outcomeOf, shouldDisable, signingSecrets, webhookHeaders } from '../domain/webhook-delivery.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../domain/types.ts';
import { postWebhook, type SendResult } from './webhook-sender.ts';

export interface WebhookDeliverySettings {
  timeoutMs: number;
  /** Deliveries in flight at once in this process. */
  concurrency: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a delivery is retried. */
  retryWindowMs: number;
  /** How long an endpoint may fail without a success before it is disabled. */
  disableAfterMs: number;
  allowPrivate: (host: string, address: string) => boolean;
  breakerFailures: number;
  breakerHalfOpenAfterMs: number;
}

export interface WebhookDispatcherOptions {
  webhooks: WebhookRepository;
  activity: ActivityRepository;
  logger: Logger;
  settings: WebhookDeliverySettings;
  onBreakerChange: (snapshot: CircuitBreakerSnapshot) => void;
}

/* In prom-client's global registry, which every service registry of this process includes. */
const deliveries = new Counter({
  name: 'webhook_attempts_total',
  help: 'Webhook delivery attempts by outcome (delivered, retry, failed, postponed by an open breaker)',
  labelNames: ['outcome'],
});
const latency = new Histogram({
  name: 'webhook_attempt_duration_seconds',
  help: 'Time from sending a webhook to its answer (or the error)',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});

/**
 * Sends owed webhook deliveries: a loop in every replica claims due ones (the claim keeps replicas
 * apart and per-aggregate order), at most `concurrency` at a time, through one circuit breaker per
 * endpoint. Each attempt is logged; retries back off exponentially with jitter for the retry
 * window; an endpoint failing for the disable window is disabled and its owner told.
 */
export function createWebhookDispatcher({
  webhooks,
  activity,
  logger,
  settings,
  onBreakerChange,
}: WebhookDispatcherOptions) {
  const breakers = createCircuitBreakers({
    service: 'observability',
    failures: settings.breakerFailures,
    halfOpenAfterMs: settings.breakerHalfOpenAfterMs,
    // A 5xx or 429 answer is the receiver failing; a network error or timeout too.
    countsResult: (result) => (result as SendResult).status >= 500 || (result as SendResult).status === 429,
    onStateChange: onBreakerChange,
    maxBreakers: 1_000,
  });
  const holdMs = settings.timeoutMs * 2 + 1_000;
  const stopping = new AbortController();
  let round: Promise<void> | null = null;
  let again = false;

  async function attempt(delivery: WebhookDelivery): Promise<void> {
    const endpoint = await webhooks.findEndpoint(delivery.endpointId);
    if (!endpoint || endpoint.status !== 'ACTIVE') return;
    const breaker = `webhook:${endpoint.id}`;
    const now = new Date();
    const body = delivery.body;
    const headers = webhookHeaders(delivery.id, now, body, signingSecrets(endpoint, now));
    const started = performance.now();
    let sent: SendResult | null = null;
    let error: string | null = null;
    try {
      sent = await breakers.execute(breaker, `The webhook endpoint ${endpoint.url}`, (signal) =>
        postWebhook(endpoint.url, headers, body, { ...settings, signal: AbortSignal.any([signal, stopping.signal]) }),
      );
    } catch (caught) {
      // Only the breaker throws this (postWebhook does not): open, or half-open with its trial call
      // under way. It postpones: no attempt was made, none is counted.
      if (caught instanceof ServiceUnavailableError) {
        deliveries.inc({ outcome: 'postponed' });
        const at = breakers.retryAt(breaker) ?? new Date(Date.now() + settings.breakerHalfOpenAfterMs);
        await webhooks.postpone(delivery, at);
        return;
      }
      error = (caught as Error).message.slice(0, 500);
    }
    const latencyMs = Math.round(performance.now() - started);
    latency.observe(latencyMs / 1000);
    const attemptedAt = new Date();
    const outcome = sent
      ? outcomeOf(sent.status, sent.retryAfter, attemptedAt)
      : { kind: 'RETRY' as const, retryAfterMs: null };
    let result: AttemptResult;
    if (outcome.kind === 'RETRY') {
      const at = nextAttemptAt(
        outcome,
        delivery.attempts + 1,
        delivery.owedSince,
        attemptedAt,
        {
          baseMs: settings.retryBaseMs,
          maxMs: settings.retryMaxMs,
          retryWindowMs: settings.retryWindowMs,
        },
        Math.random(),
      );
      result = at ? { status: 'PENDING', nextAttemptAt: at } : { status: 'FAILED' };
    } else result = { status: outcome.kind };
    deliveries.inc({ outcome: result.status === 'PENDING' ? 'retry' : result.status.toLowerCase() });
    const after = await webhooks.recordAttempt(
      delivery,
      { attemptedAt, httpStatus: sent?.status ?? null, latencyMs, responseSnippet: sent?.snippet ?? null, error },
      result,
    );
    if (result.status === 'FAILED')
      logger.warn(
        { deliveryId: delivery.id, endpointId: endpoint.id, httpStatus: sent?.status },
        'webhook delivery failed',
      );
    if (
      after &&
      result.status !== 'DELIVERED' &&
      shouldDisable(after.failingSince, attemptedAt, settings.disableAfterMs)
    )
      await disable(after, attemptedAt);
  }

  async function disable(endpoint: WebhookEndpoint, now: Date): Promise<void> {
    const reason = `No successful delivery since ${endpoint.failingSince!.toISOString()}`;
    if (!(await webhooks.disable(endpoint.id, reason, now))) return;
    logger.warn(
      { endpointId: endpoint.id, url: endpoint.url, ownerId: endpoint.ownerId },
      'webhook endpoint disabled: it kept failing',
    );
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'WebhookEndpointDisabled',
      aggregateType: 'WebhookEndpoint',
      aggregateId: endpoint.id,
      sequence: 0,
      occurredAt: now.toISOString(),
      actor: { kind: 'system', id: null },
      payload: { endpointId: endpoint.id, url: endpoint.url, ownerId: endpoint.ownerId, reason },
    };
    await activity.ingest('observability', [event]);
  }

  async function deliverDue(): Promise<void> {
    while (!stopping.signal.aborted) {
      const now = new Date();
      const due = await webhooks.claimDue(now, new Date(now.getTime() + holdMs), settings.concurrency);
      await Promise.all(
        due.map((delivery) =>
          attempt(delivery).catch((error) =>
            logger.error(
              { err: error, deliveryId: delivery.id },
              'webhook attempt failed; it is retried after its claim',
            ),
          ),
        ),
      );
      if (due.length < settings.concurrency) return;
    }
  }

  /** One round at a time; a wake-up during a round runs another right after it. */
  function run(): Promise<void> {
    if (round) {
      again = true;
      return round;
    }
    round = deliverDue()
      .catch((error) => logger.error({ err: error }, 'webhook round failed'))
      .finally(() => {
        round = null;
        if (again && !stopping.signal.aborted) {
          again = false;
          void run();
        }
      });
    return round;
  }

  const timer = setInterval(() => void run(), Math.min(Math.max(settings.retryBaseMs / 2, 100), 1_000));
  timer.unref();
  void run();

  return {
    /** Sends what was just owed without waiting for the next round. */
    wake: () => void run(),
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await round;
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
