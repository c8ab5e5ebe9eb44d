import DataLoader from 'dataloader';
import {
  createInternalClient,
  createSealer,
  deriveSubkey,
  parseEncryptionKey,
  privateTargetAllowance,
  groupBy,
  groupedLoader,
  loaderById,
  eventStream,
  memoizeBriefly,
  outboxEventFeed,
  recordBreakerChangesInOutbox,
  type DomainEvent,
  type ReplayPoint,
  type RequestScope,
  type SubgraphRuntime,
} from '@switchyard/shared';
import path from 'node:path';
import { archiveName, archiveSize, archiveTarball, backupConfigOf, runBackup } from '@switchyard/prisma/backup';
import type { ObservabilityConfig } from './config.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createActivityRepository } from './data/activity-repository.ts';
import { createAlertRepository } from './data/alert-repository.ts';
import { createBackupRepository } from './data/backup-repository.ts';
import { createChannelRepository } from './data/channel-repository.ts';
import { createCheckRepository } from './data/check-repository.ts';
import { createLeaseRepository } from './data/lease-repository.ts';
import { createNotificationRepository } from './data/notification-repository.ts';
import { createOverviewRepository } from './data/overview-repository.ts';
import { createDeviceRepository } from './data/device-repository.ts';
import { createWebhookRepository } from './data/webhook-repository.ts';
import { createMonitorRepository } from './data/monitor-repository.ts';
import { createOutboundPolicy, ownEndpointsOf } from './jobs/monitor-checks.ts';
import { createMonitorRunner } from './jobs/monitor-scheduler.ts';
import { createMonitorAdmin } from './monitors/monitor-admin.ts';
import type { Monitor } from './domain/monitor.ts';
import { createMaintenanceRepository } from './data/maintenance-repository.ts';
import { createSubjectRepository } from './data/subject-repository.ts';
import { createStatusPageRepository } from './data/status-page-repository.ts';
import { barsFrom, pageMaintenance, publicView } from './domain/status-page.ts';
import { createWebhookAdmin } from './webhooks/webhook-admin.ts';
import type { AlertRule } from './domain/alert-lifecycle.ts';
import { activeMaintenance, type MaintenanceWindow } from './domain/maintenance.ts';
import type { NotificationChannel } from './domain/notification-channels.ts';
import {
  DEFAULT_ALERT_RULES,
  DEFAULT_ALERT_RULES_STEP,
  DEFAULT_BACKUP_ALERT_RULES_STEP,
  DEFAULT_CERTIFICATE_ALERT_RULES,
  DEFAULT_CERTIFICATE_ALERT_RULES_STEP,
  DEFAULT_DEVICE_ALERT_RULES,
  DEFAULT_DEVICE_ALERT_RULES_STEP,
  DEFAULT_HSM_ALERT_RULES,
  DEFAULT_HSM_ALERT_RULES_STEP,
  defaultBackupAlertRules,
} from './domain/default-alert-rules.ts';
import { createHouseholdLookup } from './clients/household-lookup.ts';
import { createBackupService } from './jobs/backup-service.ts';
import { createBreakerReset } from './jobs/breaker-reset.ts';
import { startJobs } from './jobs/index.ts';
import { createNotifier } from './jobs/notifier.ts';
import { createChannelAdmin } from './notifications/channel-admin.ts';
import { createS3BackupStore } from './jobs/s3-backup-store.ts';
import { ACTIVITY_AGGREGATE, ALERT_AGGREGATE, SERVICE_STATUS_AGGREGATE } from './domain/events.ts';
import { UPTIME_WINDOWS_MS } from './domain/health.ts';

/** What observability's services are built from: the shared runtime plus its own database and config. */
export interface ObservabilityDeps extends SubgraphRuntime {
  db: PrismaClient;
  config: ObservabilityConfig;
}

/** Long-lived services built once per process from the deps. */
export function createServices(deps: ObservabilityDeps) {
  const { db, relay, bus, config } = deps;
  const activity = createActivityRepository(db, relay.nudge);
  const alerts = createAlertRepository(db, relay.nudge);
  const checks = createCheckRepository(db, relay.nudge);
  const overview = createOverviewRepository(db);
  const devices = createDeviceRepository(db);
  const leases = createLeaseRepository(db);
  const backups = createBackupRepository(db);
  const webhooks = createWebhookRepository(db);
  const monitors = createMonitorRepository(db);
  const monitorPolicy = createOutboundPolicy(ownEndpointsOf(config.monitors.ownUrls));
  const monitorRunner = createMonitorRunner({ monitors, checks, policy: monitorPolicy, logger: deps.logger });
  // The scheduler of this process (startJobs) listens, so a change here takes effect at once.
  const monitorChangeListeners = new Set<() => void>();
  const monitorAdmin = createMonitorAdmin({
    monitors,
    runner: monitorRunner,
    policy: monitorPolicy,
    secret: deps.internalSigningSecret,
    publicUrl: config.publicUrl,
    minIntervalSeconds: config.monitors.minIntervalSeconds,
    changed: () => monitorChangeListeners.forEach((listener) => listener()),
  });
  const maintenance = createMaintenanceRepository(db);
  const subjects = createSubjectRepository(db);
  const statusPages = createStatusPageRepository(db);
  /** The maintenance a status page shows for its subjects (a store's window covers that store's hubs and monitors). */
  const maintenanceOfSubjects = async (names: readonly string[], now: Date) => {
    const windows = await maintenance.windows();
    const stores = windows.some((w) => w.scope === 'STORE') ? await subjects.storesOf(names) : null;
    return pageMaintenance(
      windows,
      names.map((name) => ({ name, storeId: stores?.get(name) ?? null })),
      now,
    );
  };
  // Channel secrets: OBSERVABILITY_ENCRYPTION_KEY, else a key derived from the internal signing secret.
  const channelSealer = createSealer(
    deriveSubkey(
      parseEncryptionKey(config.notifications.encryptionKey ?? deps.internalSigningSecret, 'observability')!,
      'observability',
      'notification-channel-secret',
    ),
  );
  const channels = createChannelRepository(db, channelSealer);
  const notifications = createNotificationRepository(db);
  const notifier = createNotifier({
    notifications,
    channels,
    logger: deps.logger,
    dataDir: config.database.dataDir,
    timeoutMs: config.checks.timeoutMs,
    allowPrivate: privateTargetAllowance(config.webhooks.allowedPrivateTargets),
    ...config.notifications,
  });
  const backupSettings = config.backups;
  const backupConfig = backupConfigOf({
    dataDir: path.resolve(config.database.dataDir),
    backupDir: backupSettings.dir,
    internalSigningSecret: deps.internalSigningSecret,
    databaseUrl: config.database.baseUrl,
    databaseUrls: backupSettings.databaseUrls,
    serviceUrls: config.serviceUrls,
  });
  const backupService = createBackupService({
    backups,
    leases,
    activity,
    settings: backupSettings,
    archives: {
      nameOf: archiveName,
      write: async (at, log) => (await runBackup(backupConfig, log, at)).archive,
      size: archiveSize,
      tarball: archiveTarball,
    },
    objectStore: backupSettings.s3 ? createS3BackupStore(backupSettings.s3) : null,
    logger: deps.logger,
  });
  const beforeAt = (key: string) => key.slice(0, key.lastIndexOf('@'));
  const alertAtEvent = memoizeBriefly((key) => alerts.findById(beforeAt(key)));
  const stateAtEvent = memoizeBriefly((key) => checks.state(beforeAt(key)));
  const stream = <T>(
    aggregateType: string,
    from: ReplayPoint | null,
    accept: (event: DomainEvent<T>) => boolean | Promise<boolean>,
  ) => eventStream<T>({ bus, outbox: db, aggregateType, from, accept });
  // Requests ask meals who is in which household; the jobs have their own client.
  const client = createInternalClient({
    internalSigningSecret: deps.internalSigningSecret,
    timeoutMs: config.checks.timeoutMs,
  });
  return {
    /** A feed reader's household (meals'), shared by a burst of live events for a couple of seconds. */
    householdOfReader: memoizeBriefly(createHouseholdLookup(client, config.serviceUrls.meals, deps.logger)),
    closeClient: () => client.close(),
    backups,
    backupService,
    backupSettings,
    activity,
    alerts,
    checks,
    overview,
    devices,
    webhooks,
    maintenance,
    subjects,
    webhookAdmin: createWebhookAdmin(webhooks, config.webhooks),
    monitors,
    monitorAdmin,
    statusPages,
    /** The public answer for a published page's slug; null for an unknown or unpublished one. */
    publicStatusPage: async (slug: string, now = new Date()) => {
      const page = await statusPages.bySlug(slug);
      if (!page?.published) return null;
      const pageSubjects = page.components.map((c) => c.subject);
      const [health, counts, incidents, maintenance] = await Promise.all([
        statusPages.healthOf(pageSubjects),
        statusPages.dailyCounts(pageSubjects, barsFrom(now)),
        statusPages.publicIncidents(page.id, now),
        maintenanceOfSubjects(pageSubjects, now),
      ]);
      return publicView(page, { health, counts, incidents, maintenance }, now);
    },
    /** resetCircuitBreaker: reaches the owning service's replicas, audited. */
    resetBreaker: createBreakerReset({
      client,
      serviceUrls: config.serviceUrls as Record<string, string>,
      bus,
      overview,
      activity,
      logger: deps.logger,
    }),
    channels,
    channelAdmin: createChannelAdmin(channels, notifier, config.webhooks),
    /** The default alert rules, on an installation's first start (index.ts); returns the setup steps this call did. */
    createDefaultAlertRules: async () => {
      const steps = [
        [DEFAULT_ALERT_RULES_STEP, DEFAULT_ALERT_RULES],
        [DEFAULT_BACKUP_ALERT_RULES_STEP, defaultBackupAlertRules(backupSettings.staleAfterSeconds)],
        [DEFAULT_CERTIFICATE_ALERT_RULES_STEP, DEFAULT_CERTIFICATE_ALERT_RULES],
        [DEFAULT_DEVICE_ALERT_RULES_STEP, DEFAULT_DEVICE_ALERT_RULES],
        [DEFAULT_HSM_ALERT_RULES_STEP, DEFAULT_HSM_ALERT_RULES],
      ] as const;
      const created: string[] = [];
      for (const [step, rules] of steps) if (await alerts.createRulesOnce(step, [...rules])) created.push(step);
      return created;
    },
    /** The checker, alert evaluation, notifications and the activity feed (index.ts, and tests that want them). */
    startJobs: () =>
      startJobs({
        ...deps,
        activity,
        alerts,
        checks,
        overview,
        devices,
        notifications,
        notifier,
        leases,
        backups,
        backupService,
        webhooks,
        monitors,
        monitorRunner,
        monitorChangeListeners,
        maintenance,
        ownEvents: outboxEventFeed(db),
        onBreakerChange: recordBreakerChangesInOutbox({ db, relay, logger: deps.logger }),
      }),
    serviceStatusEvents: (from: ReplayPoint | null) =>
      stream<{ name: string }>(
        SERVICE_STATUS_AGGREGATE,
        from,
        async (event) => (await stateAtEvent(`${event.payload.name}@${event.id}`)) !== null,
      ),
    alertEvents: (from: ReplayPoint | null) =>
      stream<{ alertId: string }>(
        ALERT_AGGREGATE,
        from,
        async (event) => (await alertAtEvent(`${event.payload.alertId}@${event.id}`)) !== null,
      ),
    activityEvents: (from: ReplayPoint | null, accept: (event: DomainEvent<{ entryId: string }>) => Promise<boolean>) =>
      stream(ACTIVITY_AGGREGATE, from, accept),
    /** Rows as they are when an event is delivered (keyed `<id>@<event id>`), loaded once for all its subscribers. */
    entryAtEvent: memoizeBriefly((id) => activity.findById(id)),
    alertAtEvent,
    stateAtEvent,
  };
}

export type ObservabilityServices = ReturnType<typeof createServices>;

export interface Context extends RequestScope, ObservabilityServices {
  /** The request's time: every maintenance window is judged at it, so one answer agrees with itself. */
  now: Date;
  loaders: {
    ruleById: DataLoader<string, AlertRule | null>;
    channelById: DataLoader<string, NotificationChannel | null>;
    attemptsByAlertId: DataLoader<string, Awaited<ReturnType<ObservabilityServices['alerts']['attemptsOf']>>>;
    webhookAttemptsByDeliveryId: DataLoader<
      string,
      Awaited<ReturnType<ObservabilityServices['webhooks']['attemptsOf']>>
    >;
    uptime: DataLoader<UptimeKey, number | null, string>;
    monitorById: DataLoader<string, Monitor | null>;
    monitorsByStoreId: DataLoader<string, Monitor[]>;
    /** The maintenance window each subject (by name) is in at `now`, or null. */
    maintenanceOf: DataLoader<string, MaintenanceWindow | null>;
  };
}

/** Windows are read once per request; stores are looked up only when a store's window is in force. */
function maintenanceLoader(services: ObservabilityServices, now: Date): DataLoader<string, MaintenanceWindow | null> {
  return new DataLoader(async (names) => {
    const windows = await services.maintenance.windows();
    const stores = windows.some((w) => w.scope === 'STORE') ? await services.subjects.storesOf(names) : null;
    return names.map((name) => activeMaintenance(windows, { name, storeId: stores?.get(name) ?? null }, now));
  });
}

type UptimeKey = { service: string; window: keyof typeof UPTIME_WINDOWS_MS };

/** Uptimes asked in one request, computed per window for every service asked at once (see `uptimes`). */
function uptimeLoader(checks: ObservabilityServices['checks']): DataLoader<UptimeKey, number | null, string> {
  return new DataLoader(
    async (keys) => {
      const now = Date.now();
      const windows = new Map(
        [...new Set(keys.map((key) => key.window))].map((window) => [
          window,
          checks.uptimes(
            keys.filter((key) => key.window === window).map((key) => key.service),
            new Date(now - UPTIME_WINDOWS_MS[window]),
          ),
        ]),
      );
      return Promise.all(keys.map(async ({ service, window }) => (await windows.get(window)!).get(service) ?? null));
    },
    { cacheKeyFn: ({ service, window }) => `${window} ${service}` },
  );
}

export function createContext(scope: RequestScope, services: ObservabilityServices): Context {
  const now = new Date();
  return {
    ...scope,
    ...services,
    now,
    loaders: {
      // Rules are few: all of them are read once per request, whichever were asked.
      ruleById: loaderById(() => services.alerts.rules()),
      channelById: loaderById(() => services.channels.list()),
      attemptsByAlertId: groupedLoader(async (ids) =>
        groupBy(await services.alerts.attemptsOf(ids), (attempt) => attempt.alertId),
      ),
      webhookAttemptsByDeliveryId: groupedLoader(async (ids) =>
        groupBy(await services.webhooks.attemptsOf(ids), (attempt) => attempt.deliveryId),
      ),
      uptime: uptimeLoader(services.checks),
      monitorById: loaderById((ids) => services.monitors.byIds(ids)),
      monitorsByStoreId: groupedLoader(async (storeIds) =>
        groupBy(await services.monitors.byStoreIds(storeIds), (monitor) => monitor.storeId!),
      ),
      maintenanceOf: maintenanceLoader(services, now),
    },
  };
}
