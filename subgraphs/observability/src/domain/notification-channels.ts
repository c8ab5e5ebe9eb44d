/** Notification channels: what each kind sends for a group of alerts, as plain functions. */
import { z } from 'zod';
import type { AlertStatus } from './alert-lifecycle.ts';

export type NotificationChannelKind = 'WEBHOOK' | 'EMAIL' | 'SLACK' | 'NTFY';
export const NOTIFICATION_CHANNEL_KINDS = ['WEBHOOK', 'EMAIL', 'SLACK', 'NTFY'] as const;

/** The setup step that imports ALERT_WEBHOOK_URLS and ALERT_EMAIL_TO into the table, once per installation. */
export const ENV_CHANNELS_STEP = 'notification-channels-from-env';

export interface NotificationChannel {
  id: string;
  name: string;
  kind: NotificationChannelKind;
  url: string | null;
  emailTo: string[];
  /** Sealed; only the notifier opens it. */
  secret: string | null;
  enabled: boolean;
  /** Null for the channels imported from the environment. */
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastTestAt: Date | null;
  lastTestOk: boolean | null;
  lastTestHttpStatus: number | null;
  lastTestError: string | null;
}

/** What a channel shows of where it sends: the URL or the addresses (never the secret). */
export function channelTarget(channel: Pick<NotificationChannel, 'kind' | 'url' | 'emailTo'>): string {
  return channel.kind === 'EMAIL' ? channel.emailTo.join(', ') : (channel.url ?? '');
}

/** How an alert is described inside a notification (the body each delivery row keeps). */
export interface AlertSnapshot {
  id: string;
  rule: string;
  kind: string;
  subject: string;
  storeId: string | null;
  status: AlertStatus;
  summary: string;
  startedAt: Date | string;
  firedAt: Date | string | null;
  resolvedAt: Date | string | null;
}

/** One message to one channel: the alerts of one group that moved to `transition` together. */
export interface GroupedNotification {
  transition: AlertStatus;
  /** A reminder of alerts still firing (the rule's repeat interval). */
  repeat: boolean;
  groupKey: string;
  alerts: AlertSnapshot[];
  sentAt: Date;
  /** A "send test" message. */
  test?: boolean;
}

/**
 * Alerts with the same key that fire (or resolve) within the group wait go out as one message:
 * the subject's store when it has one, else the service it is about (a breaker `stores/db` is the
 * `stores` service's; a monitor or hub stands for itself).
 */
export function groupKeyOf(alert: { storeId: string | null; subject: string }): string {
  if (alert.storeId) return `store:${alert.storeId}`;
  const slash = alert.subject.indexOf('/');
  return `subject:${slash > 0 ? alert.subject.slice(0, slash) : alert.subject}`;
}

/** "store <id>" or the subject, for people. */
export function groupLabel(groupKey: string, storeNames: ReadonlyMap<string, string> = new Map()): string {
  if (groupKey.startsWith('store:')) {
    const id = groupKey.slice('store:'.length);
    return `store ${storeNames.get(id) ?? id}`;
  }
  return groupKey.startsWith('subject:') ? groupKey.slice('subject:'.length) : groupKey;
}

/** "[FIRING] stores is down…" for one alert, "[FIRING] 3 alerts at store Hamburg" for several. */
export function notificationTitle(n: GroupedNotification, label = groupLabel(n.groupKey)): string {
  const tag = n.test ? 'TEST' : n.repeat ? `${n.transition}, still` : n.transition;
  if (n.alerts.length === 1) return `[${tag}] ${n.alerts[0]!.summary}`;
  const where = n.groupKey.startsWith('store:') ? `at ${label}` : `on ${label}`;
  return `[${tag}] ${n.alerts.length} alerts ${where}`;
}

/** The title, then one line per alert. */
export function notificationText(n: GroupedNotification, label = groupLabel(n.groupKey)): string {
  const lines = n.alerts.map((alert) => `- ${alert.summary} (${alert.rule}, ${alert.subject})`);
  return [notificationTitle(n, label), ...lines].join('\n');
}

/** The signed webhook's JSON: `alert` (the first) as before grouping, `alerts` for all of them. */
export function webhookBody(n: GroupedNotification, label = groupLabel(n.groupKey)): string {
  return JSON.stringify({
    transition: n.transition,
    repeat: n.repeat,
    ...(n.test ? { test: true } : {}),
    sentAt: n.sentAt.toISOString(),
    group: { key: n.groupKey, label, count: n.alerts.length },
    alert: n.alerts[0],
    alerts: n.alerts,
  });
}

/** A Slack-compatible incoming webhook's body: `text` (what every compatible receiver shows) and blocks. */
export function slackPayload(
  n: GroupedNotification,
  label = groupLabel(n.groupKey),
): { text: string; blocks: unknown[] } {
  const title = notificationTitle(n, label);
  return {
    text: notificationText(n, label),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: n.alerts
            .map((alert) => `• ${escapeSlack(alert.summary)} _(${escapeSlack(alert.rule)})_`)
            .join('\n')
            .slice(0, 3000),
        },
      },
    ],
  };
}

function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** ntfy: the message is the body; title, priority and tags are headers; the access token a Bearer. */
export function ntfyRequest(
  n: GroupedNotification,
  token: string | null,
  label = groupLabel(n.groupKey),
): { headers: Record<string, string>; body: string } {
  const firing = n.transition === 'FIRING' && !n.test;
  return {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      Title: headerValue(notificationTitle(n, label)),
      Priority: firing ? 'high' : 'default',
      Tags: n.test ? 'test_tube' : firing ? 'rotating_light' : 'white_check_mark',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: n.alerts.map((alert) => `${alert.summary} (${alert.rule})`).join('\n'),
  };
}

/** HTTP header values are Latin-1: anything else is sent RFC 2047-encoded, which ntfy decodes. */
function headerValue(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

export function emailMessage(
  n: GroupedNotification,
  label = groupLabel(n.groupKey),
): { subject: string; text: string } {
  return {
    subject: notificationTitle(n, label),
    text: `${notificationText(n, label)}\n\n${JSON.stringify(n.alerts, null, 2)}\n`,
  };
}

/** The message "Send test" delivers: one made-up alert, marked as a test. */
export function testNotification(channelName: string, at: Date): GroupedNotification {
  return {
    transition: 'FIRING',
    repeat: false,
    test: true,
    groupKey: 'subject:test',
    sentAt: at,
    alerts: [
      {
        id: '00000000-0000-0000-0000-000000000000',
        rule: 'Test notification',
        kind: 'TEST',
        subject: 'test',
        storeId: null,
        status: 'FIRING',
        summary: `Test notification to ${channelName}: if you read this, the channel works`,
        startedAt: at,
        firedAt: at,
        resolvedAt: null,
      },
    ],
  };
}

const name = z.string().trim().min(1, 'is required').max(100);
const url = z.string().trim().min(1, 'is required').max(2000);
const emailTo = z
  .array(z.string().trim().pipe(z.email('is not an email address')))
  .min(1, 'at least one address')
  .max(20);
const secret = z.string().trim().max(500);
const MIN_SIGNING_SECRET = 16;

export const notificationChannelInputSchema = z
  .object({
    name,
    kind: z.enum(NOTIFICATION_CHANNEL_KINDS),
    url: url.nullish(),
    emailTo: emailTo.nullish(),
    secret: secret.nullish(),
    enabled: z.boolean().nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'EMAIL') {
      if (!input.emailTo) ctx.addIssue({ code: 'custom', path: ['emailTo'], message: 'is required for EMAIL' });
    } else if (!input.url) ctx.addIssue({ code: 'custom', path: ['url'], message: `is required for ${input.kind}` });
    if (input.kind === 'WEBHOOK' && (input.secret ?? '').length < MIN_SIGNING_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['secret'],
        message: `is the signing secret receivers verify with: at least ${MIN_SIGNING_SECRET} characters`,
      });
  })
  .transform((input) => ({
    name: input.name,
    kind: input.kind,
    url: input.kind === 'EMAIL' ? null : input.url!,
    emailTo: input.kind === 'EMAIL' ? [...new Set(input.emailTo!)] : [],
    secret: input.kind === 'WEBHOOK' || input.kind === 'NTFY' ? input.secret || null : null,
    enabled: input.enabled ?? true,
  }));

export type NewNotificationChannel = z.output<typeof notificationChannelInputSchema>;

/** A patch: absent fields stay; `secret: ""` removes an ntfy token; the kind never changes. */
export const notificationChannelPatchSchema = z.object({
  name: name.nullish().transform((v) => v ?? undefined),
  url: url.nullish().transform((v) => v ?? undefined),
  emailTo: emailTo.nullish().transform((v) => (v ? [...new Set(v)] : undefined)),
  secret: secret.nullish().transform((v) => (v === null ? undefined : v)),
  enabled: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
});

export type NotificationChannelPatch = z.output<typeof notificationChannelPatchSchema>;

/** Checks a patch against the channel's kind; returns the field and problem, or null. */
export function patchProblem(
  kind: NotificationChannelKind,
  patch: Partial<NotificationChannelPatch>,
): { field: string; message: string } | null {
  if (kind === 'EMAIL' && patch.url !== undefined) return { field: 'url', message: 'EMAIL channels have no URL' };
  if (kind !== 'EMAIL' && patch.emailTo !== undefined)
    return { field: 'emailTo', message: `${kind} channels have no addresses` };
  if (patch.secret !== undefined && (kind === 'EMAIL' || kind === 'SLACK'))
    return { field: 'secret', message: `${kind} channels have no secret` };
  if (kind === 'WEBHOOK' && patch.secret !== undefined && patch.secret.length < MIN_SIGNING_SECRET)
    return { field: 'secret', message: `at least ${MIN_SIGNING_SECRET} characters` };
  return null;
}
