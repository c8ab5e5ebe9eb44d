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
import { createWebhookRepository } from './data/webhook-repository.ts';
import { createWebhookAdmin } from './webhooks/webhook-admin.ts';
import type { AlertRule } from './domain/alert-lifecycle.ts';
import type { NotificationChannel } from './domain/notification-channels.ts';
import {
  DEFAULT_ALERT_RULES,
  DEFAULT_ALERT_RULES_STEP,
  DEFAULT_BACKUP_ALERT_RULES_STEP,
  defaultBackupAlertRules,
} from './domain/default-alert-rules.ts';
import { createHouseholdLookup } from './clients/household-lookup.ts';
import { createBackupService } from './jobs/backup-service.ts';
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
  const leases = createLeaseRepository(db);
  const backups = createBackupRepository(db);
  const webhooks = createWebhookRepository(db);
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
    webhooks,
    webhookAdmin: createWebhookAdmin(webhooks, config.webhooks),
    channels,
    channelAdmin: createChannelAdmin(channels, notifier, config.webhooks),
    /** The default alert rules, on an installation's first start (index.ts); returns the setup steps this call did. */
    createDefaultAlertRules: async () => {
      const steps = [
        [DEFAULT_ALERT_RULES_STEP, DEFAULT_ALERT_RULES],
        [DEFAULT_BACKUP_ALERT_RULES_STEP, defaultBackupAlertRules(backupSettings.staleAfterSeconds)],
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
        notifications,
        notifier,
        leases,
        backups,
        backupService,
        webhooks,
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
  loaders: {
    ruleById: DataLoader<string, AlertRule | null>;
    channelById: DataLoader<string, NotificationChannel | null>;
    attemptsByAlertId: DataLoader<string, Awaited<ReturnType<ObservabilityServices['alerts']['attemptsOf']>>>;
    webhookAttemptsByDeliveryId: DataLoader<
      string,
      Awaited<ReturnType<ObservabilityServices['webhooks']['attemptsOf']>>
    >;
    uptime: DataLoader<UptimeKey, number | null, string>;
  };
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
  return {
    ...scope,
    ...services,
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
    },
  };
}
