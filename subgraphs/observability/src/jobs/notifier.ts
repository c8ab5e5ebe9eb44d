import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@switchyard/shared';
import nodemailer from 'nodemailer';
import { fetch } from 'undici';
import type { AlertRepository, AlertRow } from '../data/alert-repository.ts';
import type { AlertRule, AlertStatus } from '../domain/alert-lifecycle.ts';
import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, retryDelayMs, signWebhook } from '../domain/webhook-signature.ts';

export interface NotifierOptions {
  alerts: AlertRepository;
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

/**
 * Delivers FIRING and RESOLVED notifications to every configured channel, retrying failures
 * with exponential backoff and recording every attempt. Retries live in this process: a restart
 * drops the pending ones (the alert itself stays recorded and queryable).
 */
export function createNotifier(options: NotifierOptions) {
  const { alerts, logger } = options;
  const timers = new Set<NodeJS.Timeout>();
  const channels = [...webhookChannels(options), ...emailChannels(options)];

  async function attempt(channel: Channel, alert: AlertRow, transition: AlertStatus, body: string, subject: string, number: number): Promise<void> {
    let outcome: { ok: boolean; httpStatus: number | null; error: string | null };
    try {
      const { httpStatus } = await channel.send(body, subject);
      outcome = { ok: true, httpStatus, error: null };
    } catch (error) {
      outcome = { ok: false, httpStatus: (error as { httpStatus?: number }).httpStatus ?? null, error: (error as Error).message.slice(0, 500) };
    }
    await alerts.recordAttempt({ alertId: alert.id, channel: channel.name, target: channel.target, transition, attempt: number, ...outcome });
    if (outcome.ok || number >= options.maxAttempts) {
      if (!outcome.ok) logger.error({ alertId: alert.id, channel: channel.name, target: channel.target }, 'notification failed; giving up');
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(channel, alert, transition, body, subject, number + 1).catch((error) => logger.error({ err: error }, 'notification attempt failed'));
    }, retryDelayMs(number, options.retryBaseMs));
    timers.add(timer);
  }

  return {
    notify(alert: AlertRow, rule: AlertRule, transition: AlertStatus) {
      const sentAt = new Date().toISOString();
      const body = JSON.stringify({
        transition,
        sentAt,
        alert: { id: alert.id, rule: rule.name, kind: rule.kind, subject: alert.subject, status: alert.status, summary: alert.summary, startedAt: alert.startedAt, firedAt: alert.firedAt, resolvedAt: alert.resolvedAt },
      });
      const subject = `[${transition}] ${alert.summary}`;
      for (const channel of channels) {
        void attempt(channel, alert, transition, body, subject, 1).catch((error) => logger.error({ err: error }, 'notification attempt failed'));
      }
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
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

/** With SMTP_URL mail is sent; without it each message is written as an .eml file under DATA_DIR. */
function emailChannels({ emailTo, emailFrom, smtpUrl, dataDir }: NotifierOptions): Channel[] {
  if (emailTo.length === 0) return [];
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true });
  const outbox = path.resolve(dataDir, 'observability', 'mail');
  return [
    {
      name: 'email',
      target: emailTo.join(', '),
      async send(body, subject) {
        const info = await transport.sendMail({ from: emailFrom, to: emailTo, subject, text: JSON.stringify(JSON.parse(body), null, 2) });
        if (!smtpUrl) {
          await mkdir(outbox, { recursive: true });
          await writeFile(path.join(outbox, `${Date.now()}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`), (info as unknown as { message: Buffer }).message);
        }
        return { httpStatus: null };
      },
    },
  ];
}
