import type { AlertStatus } from './alert-lifecycle.ts';
import type { ServiceHealth, ServiceKind } from './health.ts';

/** Domain objects the repositories return and the resolvers map, as this subgraph stores them. */

/** What the checker checks: a service, PostgreSQL, Redis or a hub. */
export interface CheckTarget {
  name: string;
  kind: ServiceKind;
}

/** The latest check of a target. */
export interface ServiceState {
  name: string;
  kind: string;
  status: ServiceHealth;
  latencyMs: number | null;
  error: string | null;
  /** Failed checks in a row: alert rules fire after N. */
  consecutiveFailures: number;
  lastCheckedAt: Date;
  lastChangeAt: Date;
}

/** One raw check; the operation counters only for services with /metrics. */
export interface ServiceCheck {
  id: bigint;
  service: string;
  status: ServiceHealth;
  latencyMs: number | null;
  error: string | null;
  operations: bigint | null;
  serverErrors: bigint | null;
  checkedAt: Date;
}

/** A circuit breaker of some service, as its last CircuitBreakerStateChanged event told. */
export interface BreakerState {
  service: string;
  name: string;
  state: string;
  failures: number;
  lastChangeAt: Date;
}

/** A hub, as hardware's last HubStatusChanged event told. */
export interface HubState {
  id: string;
  storeId: string | null;
  status: string;
  reason: string | null;
  changedAt: Date;
}

export interface Alert {
  id: string;
  /** Null once the rule is deleted. */
  ruleId: string | null;
  /** The rule's name when the alert last changed, kept after the rule is deleted. */
  ruleName: string;
  /** Times the condition came back within ALERT_REOPEN_WINDOW_MS and reopened this alert. */
  reopenCount: number;
  lastReopenedAt: Date | null;
  /** What the alert is about: the service, breaker or hub. */
  subject: string;
  status: AlertStatus;
  summary: string;
  /** The store of its subject (a monitor's, a hub's, a device's), set when the alert is created: notifications are grouped by it. */
  storeId?: string | null;
  /** Matched a silence when it fired: recorded, not notified. */
  silenced: boolean;
  /** Its subject was in this maintenance window when it fired (silenced too). */
  maintenanceId: string | null;
  startedAt: Date;
  firedAt: Date | null;
  resolvedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  note: string | null;
  /** When its last FIRING notification (first or repeated) was written. */
  lastNotifiedAt?: Date | null;
}

export interface Silence {
  id: string;
  /** A rule name, subject, or `rule:subject`; `*` matches anything. */
  matcher: string;
  until: Date;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
  /** Ended early by expireSilence (then `until` is that moment too). */
  expiredAt: Date | null;
  expiredBy: string | null;
}

/** A Hubitat device as hardware's DeviceEventReceived events describe it (LOW_BATTERY, DEVICE_OFFLINE). */
export interface DeviceSnapshot {
  id: string;
  label: string;
  hubId: string;
  storeId: string | null;
  battery: number | null;
  healthStatus: string | null;
  healthChangedAt: Date | null;
  lastEventAt: Date;
}

/** A hub's Hubitat Safety Monitor alert, from hardware's HubEventRecorded (HSM_ALERT). */
export interface HubSecuritySnapshot {
  hubId: string;
  hubName: string;
  storeId: string | null;
  /** The alert in progress (intrusion, smoke…); null when none. */
  alert: string | null;
  alertAt: Date | null;
  lastEventAt: Date;
}

/** A notification an alert's transition owes one channel. */
export interface NotificationDraft {
  /** The channel's kind in lower case (webhook, email, slack, ntfy), as attempts record it. */
  channel: string;
  channelId: string | null;
  /** The channel's URL or addresses when it was written. */
  target: string;
  transition: AlertStatus;
  /** A reminder of an alert still firing. */
  repeat: boolean;
  /** Rows of one channel, transition and group due together go out as one message (domain/notification-channels.ts). */
  groupKey: string | null;
  subject: string;
  /** The alert as the message describes it (an AlertSnapshot). */
  body: string;
  /** When to send: after the group wait, or with the group already waiting. */
  dueAt: Date;
}

export interface NotificationDelivery extends Omit<NotificationDraft, 'dueAt'> {
  id: string;
  alertId: string;
  attempts: number;
  /** When to try next; null once delivered or given up. */
  nextAttemptAt: Date | null;
  createdAt: Date;
}

export interface NotificationAttempt {
  id: string;
  alertId: string;
  channel: string;
  target: string;
  transition: AlertStatus;
  attempt: number;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  attemptedAt: Date;
}

export type BackupStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';
export type BackupTrigger = 'SCHEDULED' | 'MANUAL';

/** One backup attempt; `id` is the archive's folder name (switchyard-<UTC time>). */
export interface Backup {
  id: string;
  trigger: BackupTrigger;
  status: BackupStatus;
  startedAt: Date;
  finishedAt: Date | null;
  sizeBytes: number | null;
  localPath: string | null;
  s3Url: string | null;
  error: string | null;
}

export type WebhookEndpointStatus = 'ACTIVE' | 'DISABLED';
export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  status: WebhookEndpointStatus;
  disabledReason: string | null;
  disabledAt: Date | null;
  ownerId: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  aggregateKey: string;
  sequence: number;
  occurredAt: Date;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  owedSince: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookAttempt {
  id: string;
  deliveryId: string;
  attemptedAt: Date;
  httpStatus: number | null;
  latencyMs: number;
  responseSnippet: string | null;
  error: string | null;
}
