import type { CircuitBreakerList, DomainEvent, IdempotencyRequest } from '@switchyard/shared';
import type { Activity, ActivityFilter, ActivityReader } from '../domain/activity.ts';
import type { AlertRule, AlertStatus } from '../domain/alert-lifecycle.ts';
import type { CheckOutcome, ServiceHealth, ServiceKind } from '../domain/health.ts';
import type { CounterSample, OperationCounts } from '../domain/operation-counts.ts';
import type {
  Alert,
  Backup,
  BackupTrigger,
  BreakerState,
  CheckTarget,
  HubState,
  NotificationAttempt,
  NotificationDelivery,
  NotificationDraft,
  ServiceCheck,
  ServiceState,
  Silence,
  DeviceSnapshot,
  HubSecuritySnapshot,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
} from '../domain/types.ts';
import type { WebhookEvent } from '../domain/webhook-events.ts';
import type { Monitor } from '../domain/monitor.ts';
import type { MonitorSettings } from '../domain/monitor-input.ts';
import type { MaintenanceInput, MaintenanceWindow } from '../domain/maintenance.ts';
import type {
  NewNotificationChannel,
  NotificationChannel,
  NotificationChannelPatch,
} from '../domain/notification-channels.ts';

/*
 * What observability's jobs and resolvers depend on: one interface per repository, in domain
 * types. The Prisma-backed implementations beside this file are the only code that touches the
 * database.
 */

/**
 * The activity feed and the projections the overview and alerts read (stores by status, hubs,
 * breakers), all written from other subgraphs' events.
 */
export interface ActivityRepository {
  /**
   * Stores the events not seen before (by event id), each with its projections and an
   * ActivityAdded event at once; returns how many were new.
   */
  ingest(source: string, events: DomainEvent[]): Promise<number>;
  /** How far the feed has read a source's /internal/events. */
  cursorOf(source: string): Promise<Date | null>;
  saveCursor(source: string, after: Date): Promise<void>;
  findById(id: string): Promise<Activity | null>;
  /** Newest first; fetches `size + 1` rows so the caller knows whether more follow. */
  page(
    filter: ActivityFilter,
    reader: ActivityReader,
    size: number,
    after: string | null,
  ): Promise<{ rows: Activity[]; total: number }>;
  cursorFor(entry: Activity): string;
  countSince(since: Date): Promise<number>;
}

export type NewAlertRule = Omit<AlertRule, 'id'>;

/** Alert rules, alerts with their transitions (each with an AlertChanged event), silences and the notification attempts made. */
export interface AlertRepository {
  /** By name. */
  rules(): Promise<AlertRule[]>;
  ruleById(id: string): Promise<AlertRule | null>;
  /** A taken name is a CONFLICT. With a key, a repeat answers the first rule (packages/shared/src/idempotency.ts). */
  createRule(rule: NewAlertRule, idempotency?: IdempotencyRequest | null): Promise<AlertRule>;
  /** NOT_FOUND for an unknown rule, CONFLICT for a taken name. */
  updateRule(id: string, patch: Partial<NewAlertRule>): Promise<AlertRule>;
  /** Whether there was such a rule. */
  deleteRule(id: string): Promise<boolean>;
  /**
   * Creates `rules` unless the setup step `step` was done before (by this or another replica):
   * once per installation, so rules an admin deleted stay deleted. A rule whose name is taken
   * already is left as the admin made it. Returns whether this call created them.
   */
  createRulesOnce(step: string, rules: NewAlertRule[]): Promise<boolean>;
  /** Alerts not yet resolved, keyed `ruleId|subject`. */
  openAlerts(): Promise<Map<string, Alert>>;
  /**
   * Moves an alert (or a new one when `alert` is null) to `status`, with its AlertChanged event
   * and the notifications the moved alert owes, all at once.
   */
  transition(
    alert: Alert | null,
    target: { ruleId: string; ruleName: string; subject: string; summary: string; storeId?: string | null },
    status: AlertStatus,
    silenced: boolean,
    at: Date,
    notificationsFor?: (moved: Alert) => NotificationDraft[],
    /** The maintenance window that silenced it, recorded with `silenced` (when it fires or reopens). */
    maintenanceId?: string | null,
  ): Promise<Alert>;
  /** A reminder of a still FIRING alert, at most one per interval (false: another pass wrote it). */
  renotify(alert: Alert, at: Date, drafts: NotificationDraft[]): Promise<boolean>;
  findById(id: string): Promise<Alert | null>;
  findManyByIds(ids: readonly string[]): Promise<Alert[]>;
  /** With an AlertChanged event; NOT_FOUND for an unknown alert. */
  acknowledge(id: string, userId: string, note: string | null, at: Date): Promise<Alert>;
  /** Newest first; fetches `size + 1` rows so the caller knows whether more follow. */
  page(status: AlertStatus | null, size: number, after: string | null): Promise<{ rows: Alert[]; total: number }>;
  cursorFor(alert: Alert): string;
  countFiring(): Promise<number>;
  /** With a key, a repeat answers the first silence. */
  createSilence(
    silence: { matcher: string; until: Date; reason: string; createdBy: string | null },
    idempotency?: IdempotencyRequest | null,
  ): Promise<Silence>;
  /** Silences still in force at `now`, the soonest to end first. */
  activeSilences(now: Date): Promise<Silence[]>;
  /**
   * Changes a silence still in force at `now`; NOT_FOUND for an unknown one, CONFLICT for one that
   * has ended.
   */
  updateSilence(id: string, patch: Partial<Pick<Silence, 'matcher' | 'until' | 'reason'>>, now: Date): Promise<Silence>;
  /** Ends a silence at `now` (kept, with expiredAt and expiredBy); NOT_FOUND or CONFLICT as updateSilence. */
  expireSilence(id: string, by: string | null, now: Date): Promise<Silence>;
  /** Oldest first. */
  attemptsOf(alertIds: readonly string[]): Promise<NotificationAttempt[]>;
}

/** Hubitat devices' battery and health, projected from hardware's DeviceEventReceived events. */
export interface DeviceRepository {
  /** Applies DeviceEventReceived events (others are ignored); each device keeps the newest by receipt time. */
  project(events: DomainEvent[]): Promise<void>;
  /** Every known device, by label. */
  all(): Promise<DeviceSnapshot[]>;
  /** Every hub's HSM alert state, projected by `project` from HubEventRecorded (HSM_ALERT rules). */
  hubSecurity(): Promise<HubSecuritySnapshot[]>;
}

/** Check results: the latest state per target, the raw history and its hourly roll-ups. */
export interface CheckRepository {
  /** Records one check; a changed status also records ServiceStatusChanged at once. */
  record(
    target: CheckTarget,
    outcome: CheckOutcome,
    status: ServiceHealth,
    checkedAt: Date,
    counts?: OperationCounts | null,
  ): Promise<void>;
  /** By name. */
  states(): Promise<ServiceState[]>;
  /** Forgets the targets of `kind` not in `names` (a hub that was removed), with their history. */
  retainOnly(kind: ServiceKind, names: string[]): Promise<void>;
  state(name: string): Promise<ServiceState | null>;
  /** Latencies of the last `count` checks, newest first (null for failed checks). */
  recentLatencies(service: string, count: number): Promise<(number | null)[]>;
  /** Every service's operation counters since `from`, oldest first. */
  counterSamples(from: Date): Promise<Map<string, CounterSample[]>>;
  /** Oldest first, at most 10,000. */
  history(service: string, from: Date, to: Date): Promise<ServiceCheck[]>;
  /**
   * Each service's share of UP/DEGRADED checks since `from` of those UP, DEGRADED or DOWN (checks
   * while STARTING count neither way; raw checks where kept, hourly roll-ups before); null without such checks.
   */
  uptimes(services: readonly string[], from: Date): Promise<Map<string, number | null>>;
  /** Rolls the finished hours before `before` up (raw checks and old roll-ups go by retention: data/retention.ts). */
  rollUp(before: Date): Promise<void>;
}

/** Who runs a singleton job: one holder at a time, taken over once the lease expired. */
export interface LeaseRepository {
  /** Takes or renews the lease; false while another holder's is in force. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** Notifications owed (written with alert transitions) and every attempt to deliver them. */
export interface NotificationRepository {
  /**
   * Takes up to `limit` deliveries that are due, for this process: each one's next attempt moves
   * to `holdUntil`, so another replica (or this one after a crash) retries it only after that.
   */
  claimDue(now: Date, holdUntil: Date, limit: number): Promise<NotificationDelivery[]>;
  /** Records an attempt and when to try again (null: delivered, or out of attempts). */
  recordAttempt(
    delivery: NotificationDelivery,
    outcome: { ok: boolean; httpStatus: number | null; error: string | null },
    nextAttemptAt: Date | null,
  ): Promise<void>;
}

/** Breakers, hubs and stores as this subgraph's projections hold them, for the overview and alerts. */
export interface OverviewRepository {
  /** By service and name. */
  breakers(): Promise<BreakerState[]>;
  /**
   * Makes `service`'s breakers what its own list says (taken at `list.at`): every breaker it has,
   * those that never changed state included, with its failure count now. A breaker changed after
   * the list was taken (by a CircuitBreakerStateChanged event) is newer and stays; a breaker the
   * service no longer has (a removed hub, a restarted gateway's old one) goes.
   */
  syncBreakers(service: string, list: CircuitBreakerList): Promise<void>;
  /** One breaker's row after a manual reset (CLOSED, no failures, since `at`); null when there is no such row. */
  breaker(service: string, name: string): Promise<BreakerState | null>;
  resetBreaker(service: string, name: string, at: Date): Promise<BreakerState>;
  hubs(): Promise<HubState[]>;
  countHubs(status: string): Promise<number>;
  /** By status. */
  storesByStatus(): Promise<{ status: string; count: number }[]>;
}

/** Backup attempts. Which process runs one is decided by the "backup" lease, whose holder is the attempt's id. */
export interface BackupRepository {
  /** Records a RUNNING attempt. */
  start(id: string, trigger: BackupTrigger, startedAt: Date): Promise<Backup>;
  succeed(
    id: string,
    result: { finishedAt: Date; sizeBytes: number; localPath: string; s3Url: string | null },
  ): Promise<Backup>;
  fail(id: string, error: string, finishedAt: Date): Promise<Backup>;
  /**
   * Marks FAILED every RUNNING attempt whose process is gone (it no longer holds lease `lease`):
   * a killed process leaves its attempt RUNNING, never counted as good. Returns those marked.
   */
  failAbandoned(lease: string, at: Date): Promise<Backup[]>;
  /** Newest first. */
  list(first: number): Promise<Backup[]>;
  findById(id: string): Promise<Backup | null>;
  /** Every SUCCEEDED attempt, newest first: what retention chooses from. */
  succeeded(): Promise<Backup[]>;
  lastSucceeded(): Promise<Backup | null>;
  /** The newest attempt that is not RUNNING. */
  latestFinished(): Promise<Backup | null>;
  /** Forgets attempts whose archives are gone, and failed attempts before `failedBefore`. */
  remove(ids: string[], failedBefore: Date | null): Promise<void>;
}

export interface WebhookDeliveryFilter {
  statuses?: WebhookDeliveryStatus[] | null;
  eventTypes?: string[] | null;
}

export interface AttemptRecord {
  attemptedAt: Date;
  httpStatus: number | null;
  latencyMs: number;
  responseSnippet: string | null;
  error: string | null;
}

/** What ended an attempt: the delivery's new state. */
export type AttemptResult = { status: 'DELIVERED' } | { status: 'FAILED' } | { status: 'PENDING'; nextAttemptAt: Date };

/**
 * Webhook endpoints and their deliveries: a durable queue like the alert notifications', one row
 * per event owed to an endpoint (unique per endpoint and event), each attempt logged.
 */
export interface WebhookRepository {
  endpointOf(id: string): Promise<WebhookEndpoint>;
  findEndpoint(id: string): Promise<WebhookEndpoint | null>;
  /** Oldest first; `ownerId` null lists everyone's. */
  endpoints(ownerId: string | null): Promise<WebhookEndpoint[]>;
  createEndpoint(data: {
    url: string;
    description: string;
    eventTypes: string[];
    ownerId: string;
    secret: string;
  }): Promise<WebhookEndpoint>;
  /** Re-enabling clears the failure streak and makes its waiting deliveries due now. NOT_FOUND when gone. */
  updateEndpoint(
    id: string,
    changes: { url?: string; description?: string; eventTypes?: string[]; enabled?: boolean },
    now: Date,
  ): Promise<WebhookEndpoint>;
  rotateSecret(id: string, secret: string, previousUntil: Date): Promise<WebhookEndpoint>;
  deleteEndpoint(id: string): Promise<void>;
  /** Owes `event` to every active subscribed endpoint that existed when it occurred; returns how many were new. */
  enqueue(event: WebhookEvent, sequence: number): Promise<number>;
  /** A ping: owed to one endpoint, whatever its event types. */
  ping(endpoint: WebhookEndpoint, event: WebhookEvent): Promise<WebhookDelivery>;
  /** Due deliveries of active endpoints, each only when no earlier event of its aggregate is still owed to that endpoint. */
  claimDue(now: Date, holdUntil: Date, limit: number): Promise<WebhookDelivery[]>;
  /** Logs an attempt, moves the delivery on, keeps the endpoint's failure streak; returns the endpoint. */
  recordAttempt(
    delivery: WebhookDelivery,
    attempt: AttemptRecord,
    result: AttemptResult,
  ): Promise<WebhookEndpoint | null>;
  /** Not tried (its breaker is open): due again at `at`, no attempt counted. */
  postpone(delivery: WebhookDelivery, at: Date): Promise<void>;
  /** True when this call disabled it. */
  disable(id: string, reason: string, now: Date): Promise<boolean>;
  findDelivery(id: string): Promise<WebhookDelivery | null>;
  /** The same delivery (same webhook-id) owed again now, with a fresh retry window. */
  redeliver(id: string, now: Date): Promise<WebhookDelivery>;
  /** Newest first; fetches `size + 1` rows. */
  deliveries(
    endpointId: string,
    filter: WebhookDeliveryFilter,
    size: number,
    after: string | null,
  ): Promise<{ rows: WebhookDelivery[]; total: number }>;
  deliveryCursor(delivery: WebhookDelivery): string;
  /** Oldest first. */
  attemptsOf(deliveryIds: readonly string[]): Promise<WebhookAttempt[]>;
}

/** User-defined monitors (their checks are service states named monitor:<id>, in CheckRepository). */
export interface MonitorRepository {
  /** Ordered by name (then id); every store's when `storeId` is null. */
  list(storeId?: string | null): Promise<Monitor[]>;
  byStoreIds(storeIds: readonly string[]): Promise<Monitor[]>;
  byIds(ids: readonly string[]): Promise<Monitor[]>;
  findById(id: string): Promise<Monitor | null>;
  /** `pushHashOf` gives a PUSH monitor's token hash from its new id. */
  create(settings: MonitorSettings, pushHashOf: (id: string) => string | null): Promise<Monitor>;
  /** NOT_FOUND for an unknown monitor. */
  update(id: string, settings: MonitorSettings): Promise<Monitor>;
  /** The monitor, its state, checks and roll-ups; whether it existed. */
  delete(id: string): Promise<boolean>;
  /** A new push token generation; `hashOf` gives its token's hash. */
  rotatePush(monitor: Monitor, hashOf: (generation: number) => string): Promise<Monitor>;
  byPushTokenHash(pushTokenHash: string): Promise<Monitor | null>;
  recordPush(id: string, at: Date): Promise<void>;
  setCertificateExpiresAt(id: string, expiresAt: Date | null): Promise<void>;
  /** Failed checks (DEGRADED while retrying, or DOWN) in a row at the end of a monitor's history, at most `max`. */
  failuresInARow(service: string, max: number): Promise<number>;
  /** Changes whenever a monitor is created, changed or deleted. */
  version(): Promise<string>;
}

/** Maintenance windows (domain/maintenance.ts decides when each is in force and what it covers). */
export interface MaintenanceRepository {
  /** Every window, oldest first. */
  windows(): Promise<MaintenanceWindow[]>;
  findById(id: string): Promise<MaintenanceWindow | null>;
  create(input: MaintenanceInput, createdBy: string | null): Promise<MaintenanceWindow>;
  /** Replaces every field; NOT_FOUND when gone. */
  update(id: string, input: MaintenanceInput): Promise<MaintenanceWindow>;
  /** Whether there was such a window. */
  delete(id: string): Promise<boolean>;
}

/** What the health matrix's subjects belong to. */
export interface SubjectRepository {
  /** The store of each subject such as `hub:<id>` or `monitor:<uuid>`; null for services and unknown subjects. */
  storesOf(names: readonly string[]): Promise<Map<string, string | null>>;
}

/** What a test notification got. */
export interface ChannelTestResult {
  at: Date;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
}

/** Notification channels; secrets are sealed before they reach the database and opened only to send. */
export interface ChannelRepository {
  /** By name. */
  list(): Promise<NotificationChannel[]>;
  findById(id: string): Promise<NotificationChannel | null>;
  findManyByIds(ids: readonly string[]): Promise<NotificationChannel[]>;
  /** A taken name is a CONFLICT. */
  create(channel: NewNotificationChannel & { createdBy: string | null }): Promise<NotificationChannel>;
  /** NOT_FOUND for an unknown channel, CONFLICT for a taken name; `secret: ""` removes it. */
  update(id: string, patch: NotificationChannelPatch): Promise<NotificationChannel>;
  /** Whether it existed; rules that named it keep their other channels. */
  delete(id: string): Promise<boolean>;
  /** The plaintext secret; throws when it cannot be opened (the encryption key changed). */
  secretOf(channel: NotificationChannel): string | null;
  /** Makes someone the channel's owner (an imported channel pointed elsewhere). */
  claim(id: string, userId: string): Promise<NotificationChannel>;
  recordTest(id: string, result: ChannelTestResult): Promise<unknown>;
  /** Creates `channels` unless setup step `step` was done before; whether this call created them. */
  createOnce(step: string, channels: (NewNotificationChannel & { createdBy: null })[]): Promise<boolean>;
}
