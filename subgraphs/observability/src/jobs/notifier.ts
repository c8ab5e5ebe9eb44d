import path from 'node:path';
import type { Logger } from '@switchyard/shared';
import { createMailer, type Mailer } from '@switchyard/shared/mail';
import type { ChannelRepository, ChannelTestResult, NotificationRepository } from '../data/repositories.ts';
import type { AlertRule, AlertStatus } from '../domain/alert-lifecycle.ts';
import {
  ENV_CHANNELS_STEP,
  channelTarget,
  emailMessage,
  groupKeyOf,
  ntfyRequest,
  slackPayload,
  testNotification,
  webhookBody,
  type AlertSnapshot,
  type GroupedNotification,
  type NewNotificationChannel,
  type NotificationChannel,
} from '../domain/notification-channels.ts';
import type { Alert, NotificationDelivery, NotificationDraft } from '../domain/types.ts';
import {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  retryDelayMs,
  signWebhook,
} from '../domain/webhook-signature.ts';
import { postWebhook } from './webhook-sender.ts';

export interface NotifierOptions {
  notifications: NotificationRepository;
  channels: ChannelRepository;
  logger: Logger;
  dataDir: string;
  /** The environment's channels (ALERT_WEBHOOK_URLS, ALERT_EMAIL_TO): imported into the table once. */
  webhookUrls: string[];
  webhookSecret: string | null;
  emailTo: string[];
  emailFrom: string;
  smtpUrl: string | null;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
  /** How long the first notification of a group waits for others of its group (ALERT_GROUP_WAIT_SECONDS). */
  groupWaitMs: number;
  /** The webhooks' outbound URL policy: which private addresses channels may reach. */
  allowPrivate: (host: string, address: string) => boolean;
}

const BATCH = 100;

type Outcome = { ok: boolean; httpStatus: number | null; error: string | null };

/**
 * Notifications on FIRING and RESOLVED (and repeats of what still fires) to the alert rule's
 * channels. What is owed is written with the alert's transition (`draftsFor`), one row per alert
 * and channel, due after the group wait; rows of one channel, transition and group that are due
 * together go out as one message. A loop in every replica claims due rows (SKIP LOCKED), sends,
 * records each attempt and schedules the next with exponential backoff, so a restart or a crash
 * delays a notification but does not lose it, and no transition is sent twice.
 */
export function createNotifier(options: NotifierOptions) {
  const { notifications, channels, logger } = options;
  // A claimed delivery is retried by anyone only after the attempt surely ended.
  const holdMs = options.timeoutMs * 2 + 1_000;
  let round: Promise<void> | null = null;
  let again = false;
  let mailer: Mailer | null = null;
  const mail = () =>
    (mailer ??= createMailer({
      service: 'observability',
      smtpUrl: options.smtpUrl,
      from: options.emailFrom,
      outboxDir: path.resolve(options.dataDir, 'observability', 'mail'),
    }));

  let imported: Promise<void> | null = null;
  /** The environment's channels go into the table on the first start of an installation. */
  const importEnv = () =>
    (imported ??= channels
      .createOnce(ENV_CHANNELS_STEP, envChannels(options))
      .then((created) => {
        if (created) logger.info('imported the notification channels of ALERT_WEBHOOK_URLS / ALERT_EMAIL_TO');
      })
      .catch((error) => logger.error({ err: error }, 'importing the environment notification channels failed')));
  let timer: NodeJS.Timeout | null = null;

  /** Sends one message to one channel; rejects (with `httpStatus` when one answered) on failure. */
  async function send(channel: NotificationChannel, n: GroupedNotification): Promise<{ httpStatus: number | null }> {
    if (channel.kind === 'EMAIL') {
      await mail().send({ to: channel.emailTo.join(', '), ...emailMessage(n) });
      return { httpStatus: null };
    }
    let headers: Record<string, string> = {};
    let body: string;
    if (channel.kind === 'WEBHOOK') {
      body = webhookBody(n);
      const timestamp = Math.floor(Date.now() / 1000);
      headers = {
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(channels.secretOf(channel) ?? '', timestamp, body),
      };
    } else if (channel.kind === 'SLACK') {
      body = JSON.stringify(slackPayload(n));
    } else {
      ({ headers, body } = ntfyRequest(n, channels.secretOf(channel)));
    }
    const result = await postWebhook(channel.url!, headers, body, {
      timeoutMs: options.timeoutMs,
      // The environment's channels were set by whoever runs the installation: trusted as before.
      allowPrivate: channel.createdBy === null ? () => true : options.allowPrivate,
    });
    if (result.status < 200 || result.status >= 300)
      throw Object.assign(new Error(`HTTP ${result.status}`), { httpStatus: result.status });
    return { httpStatus: result.status };
  }

  async function attempt(channel: NotificationChannel | undefined, n: GroupedNotification): Promise<Outcome> {
    try {
      if (!channel) throw new Error('this channel no longer exists');
      if (!channel.enabled) throw new Error('this channel is disabled');
      const { httpStatus } = await send(channel, n);
      return { ok: true, httpStatus, error: null };
    } catch (error) {
      return {
        ok: false,
        httpStatus: (error as { httpStatus?: number }).httpStatus ?? null,
        error: (error as Error).message.slice(0, 500),
      };
    }
  }

  async function deliverGroup(group: NotificationDelivery[], all: NotificationChannel[]): Promise<void> {
    const first = group[0]!;
    const channel = first.channelId
      ? all.find((c) => c.id === first.channelId)
      : // Owed before channels were stored: the imported channel with the same kind and target.
        all.find((c) => c.kind.toLowerCase() === first.channel && channelTarget(c) === first.target);
    const n: GroupedNotification = {
      transition: first.transition,
      repeat: first.repeat,
      groupKey: first.groupKey ?? 'subject:unknown',
      // The same alert twice (a reminder joining its own waiting one) is listed once, as it is now.
      alerts: [...new Map(group.map((delivery) => [delivery.alertId, snapshotOf(delivery)])).values()],
      sentAt: new Date(),
    };
    const outcome = await attempt(channel, n);
    const number = first.attempts + 1;
    const retry = !outcome.ok && channel?.enabled === true && number < options.maxAttempts;
    if (!outcome.ok && !retry)
      logger.error(
        { alertIds: group.map((d) => d.alertId), channel: first.channel, target: first.target },
        'notification failed; giving up',
      );
    const next = retry ? new Date(Date.now() + retryDelayMs(number, options.retryBaseMs)) : null;
    for (const delivery of group) await notifications.recordAttempt(delivery, outcome, next);
  }

  async function deliverDue(): Promise<void> {
    for (;;) {
      const now = new Date();
      const due = await notifications.claimDue(now, new Date(now.getTime() + holdMs), BATCH);
      if (due.length === 0) return;
      const all = await channels.list();
      const groups = new Map<string, NotificationDelivery[]>();
      for (const delivery of due) {
        const key = [
          delivery.channelId ?? `${delivery.channel} ${delivery.target}`,
          delivery.transition,
          delivery.repeat,
          delivery.groupKey ?? delivery.alertId,
          delivery.attempts,
        ].join('|');
        groups.set(key, [...(groups.get(key) ?? []), delivery]);
      }
      await Promise.all(
        [...groups.values()].map((group) =>
          deliverGroup(group, all).catch((error) =>
            logger.error({ err: error, deliveryIds: group.map((d) => d.id) }, 'notification attempt failed'),
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

  return {
    /** Imports the environment's channels (once per installation) and starts delivering. */
    start() {
      void importEnv();
      // Retries and grouped notifications fall due on their own: look often enough for the shortest wait.
      timer ??= setInterval(
        () => void run(),
        Math.min(Math.max(options.retryBaseMs / 2, 100), Math.max(options.groupWaitMs / 4, 100), 5_000),
      );
      timer.unref();
    },

    /** The enabled channels, once the environment's are imported: what drafts are written for. */
    async enabledChannels(): Promise<NotificationChannel[]> {
      await importEnv();
      return (await channels.list()).filter((channel) => channel.enabled);
    },

    /**
     * The notifications an alert that just moved to `transition` owes (or, `repeat`, still owes as a
     * reminder): one per channel of its rule (every enabled one when the rule names none), due
     * after the group wait.
     */
    draftsFor(
      alert: Alert,
      rule: AlertRule & { channelIds?: string[] },
      transition: AlertStatus,
      enabled: NotificationChannel[],
      at: Date,
      repeat = false,
    ): NotificationDraft[] {
      const chosen = rule.channelIds?.length ? enabled.filter((c) => rule.channelIds!.includes(c.id)) : enabled;
      const snapshot: AlertSnapshot = {
        id: alert.id,
        rule: rule.name,
        kind: rule.kind,
        subject: alert.subject,
        storeId: alert.storeId ?? null,
        status: alert.status,
        summary: alert.summary,
        startedAt: alert.startedAt,
        firedAt: alert.firedAt,
        resolvedAt: alert.resolvedAt,
      };
      const body = JSON.stringify(snapshot);
      return chosen.map((channel) => ({
        channel: channel.kind.toLowerCase(),
        channelId: channel.id,
        target: channelTarget(channel),
        transition,
        repeat,
        groupKey: groupKeyOf({ storeId: alert.storeId ?? null, subject: alert.subject }),
        subject: `[${transition}] ${alert.summary}`,
        body,
        dueAt: new Date(at.getTime() + options.groupWaitMs),
      }));
    },

    /** "Send test": delivers a test message now, records and returns the outcome; never throws for the receiver. */
    async sendTest(channel: NotificationChannel): Promise<ChannelTestResult> {
      const at = new Date();
      const outcome = await attempt({ ...channel, enabled: true }, testNotification(channel.name, at));
      const result = { at, ...outcome };
      await channels.recordTest(channel.id, result);
      return result;
    },

    /** Delivers what was just written without waiting for the next round. */
    wake: () => void run(),
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await imported;
      await round;
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

/** A delivery row's alert; rows written before grouping kept the whole webhook body. */
function snapshotOf(delivery: NotificationDelivery): AlertSnapshot {
  const parsed = JSON.parse(delivery.body) as AlertSnapshot | { alert: AlertSnapshot };
  return 'alert' in parsed ? parsed.alert : parsed;
}

/** The channels the environment configured: a webhook per URL (signed with ALERT_WEBHOOK_SECRET) and one email channel. */
export function envChannels({
  webhookUrls,
  webhookSecret,
  emailTo,
}: Pick<NotifierOptions, 'webhookUrls' | 'webhookSecret' | 'emailTo'>): (NewNotificationChannel & {
  createdBy: null;
})[] {
  return [
    ...webhookUrls.map((url, index) => ({
      name: webhookUrls.length === 1 ? 'Webhook (ALERT_WEBHOOK_URLS)' : `Webhook ${index + 1} (ALERT_WEBHOOK_URLS)`,
      kind: 'WEBHOOK' as const,
      url,
      emailTo: [],
      secret: webhookSecret,
      enabled: true,
      createdBy: null,
    })),
    ...(emailTo.length > 0
      ? [
          {
            name: 'Email (ALERT_EMAIL_TO)',
            kind: 'EMAIL' as const,
            url: null,
            emailTo,
            secret: null,
            enabled: true,
            createdBy: null,
          },
        ]
      : []),
  ];
}
