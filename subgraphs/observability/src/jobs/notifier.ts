import path from 'node:path';
import type { Logger } from '@switchyard/shared';
import { createMailer } from '@switchyard/shared/mail';
import { fetch } from 'undici';
import type { NotificationRepository } from '../data/repositories.ts';
import type { AlertRule, AlertStatus } from '../domain/alert-lifecycle.ts';
import type { Alert, NotificationDelivery, NotificationDraft } from '../domain/types.ts';
import {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  retryDelayMs,
  signWebhook,
} from '../domain/webhook-signature.ts';

export interface NotifierOptions {
  notifications: NotificationRepository;
  logger: Logger;
  dataDir: string;
  webhookUrls: string[];
  webhookSecret: string | null;
  emailTo: string[];
  emailFrom: string;
  smtpUrl: string | null;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
}

interface Channel {
  name: 'webhook' | 'email';
  target: string;
  send(body: string, subject: string): Promise<{ httpStatus: number | null }>;
}

const BATCH = 20;

/**
 * Notifications on FIRING and RESOLVED to every configured channel. What is owed is written with
 * the alert's transition (`draftsFor`); a loop in every replica claims due deliveries, sends them,
 * records each attempt and schedules the next with exponential backoff, so a restart or a crash
 * delays a notification but does not lose it.
 */
export function createNotifier(options: NotifierOptions) {
  const { notifications, logger } = options;
  const channels = new Map(
    [...webhookChannels(options), ...emailChannels(options)].map((channel) => [
      `${channel.name} ${channel.target}`,
      channel,
    ]),
  );
  // A claimed delivery is retried by anyone only after the attempt surely ended.
  const holdMs = options.timeoutMs * 2 + 1_000;
  let round: Promise<void> | null = null;
  let again = false;

  async function deliver(delivery: NotificationDelivery): Promise<void> {
    const channel = channels.get(`${delivery.channel} ${delivery.target}`);
    let outcome: { ok: boolean; httpStatus: number | null; error: string | null };
    try {
      if (!channel) throw new Error('this channel is no longer configured');
      const { httpStatus } = await channel.send(delivery.body, delivery.subject);
      outcome = { ok: true, httpStatus, error: null };
    } catch (error) {
      outcome = {
        ok: false,
        httpStatus: (error as { httpStatus?: number }).httpStatus ?? null,
        error: (error as Error).message.slice(0, 500),
      };
    }
    const attempt = delivery.attempts + 1;
    const retry = !outcome.ok && channel !== undefined && attempt < options.maxAttempts;
    if (!outcome.ok && !retry)
      logger.error(
        { alertId: delivery.alertId, channel: delivery.channel, target: delivery.target },
        'notification failed; giving up',
      );
    await notifications.recordAttempt(
      delivery,
      outcome,
      retry ? new Date(Date.now() + retryDelayMs(attempt, options.retryBaseMs)) : null,
    );
  }

  async function deliverDue(): Promise<void> {
    for (;;) {
      const now = new Date();
      const due = await notifications.claimDue(now, new Date(now.getTime() + holdMs), BATCH);
      await Promise.all(
        due.map((delivery) =>
          deliver(delivery).catch((error) =>
            logger.error({ err: error, deliveryId: delivery.id }, 'notification attempt failed'),
          ),
        ),
      );
      if (due.length < BATCH) return;
    }
  }

  /** One round at a time; a wake-up during a round runs another right after it. */
  function run(): Promise<void> {
    if (round) {
      again = true;
      return round;
    }
    round = deliverDue()
      .catch((error) => logger.error({ err: error }, 'notification round failed'))
      .finally(() => {
        round = null;
        if (again) {
          again = false;
          void run();
        }
      });
    return round;
  }

  // Retries fall due on their own: look often enough for the shortest backoff.
  const timer = setInterval(() => void run(), Math.min(Math.max(options.retryBaseMs / 2, 100), 5_000));
  timer.unref();

  return {
    /** The notifications an alert that just moved to `transition` owes, one per channel. */
    draftsFor(alert: Alert, rule: AlertRule, transition: AlertStatus): NotificationDraft[] {
      const body = JSON.stringify({
        transition,
        sentAt: new Date().toISOString(),
        alert: {
          id: alert.id,
          rule: rule.name,
          kind: rule.kind,
          subject: alert.subject,
          status: alert.status,
          summary: alert.summary,
          startedAt: alert.startedAt,
          firedAt: alert.firedAt,
          resolvedAt: alert.resolvedAt,
        },
      });
      const subject = `[${transition}] ${alert.summary}`;
      return [...channels.values()].map((channel) => ({
        channel: channel.name,
        target: channel.target,
        transition,
        subject,
        body,
      }));
    },
    /** Delivers what was just written without waiting for the next round. */
    wake: () => void run(),
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

function webhookChannels({ webhookUrls, webhookSecret, timeoutMs }: NotifierOptions): Channel[] {
  return webhookUrls.map((url) => ({
    name: 'webhook',
    target: url,
    async send(body) {
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(webhookSecret!, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { httpStatus: response.status });
      return { httpStatus: response.status };
    },
  }));
}

/** With SMTP_URL mail is sent; without it each message is written as an .eml file under DATA_DIR (the shared mailer). */
function emailChannels({ emailTo, emailFrom, smtpUrl, dataDir }: NotifierOptions): Channel[] {
  if (emailTo.length === 0) return [];
  // No breaker here: the notifier's own retries and backoff already pace a failing mail server.
  const mailer = createMailer({
    service: 'observability',
    smtpUrl,
    from: emailFrom,
    outboxDir: path.resolve(dataDir, 'observability', 'mail'),
  });
  return [
    {
      name: 'email',
      target: emailTo.join(', '),
      async send(body, subject) {
        await mailer.send({ to: emailTo.join(', '), subject, text: JSON.stringify(JSON.parse(body), null, 2) });
        return { httpStatus: null };
      },
    },
  ];
}
