import {
  createInternalClient,
  privateTargetAllowance,
  type CircuitBreakerSnapshot,
  type EventBus,
  type EventFeed,
  type Logger,
} from '@switchyard/shared';
import type { ObservabilityConfig } from '../config.ts';
import type {
  ActivityRepository,
  AlertRepository,
  BackupRepository,
  CheckRepository,
  DeviceRepository,
  LeaseRepository,
  NotificationRepository,
  OverviewRepository,
  WebhookRepository,
  MaintenanceRepository,
} from '../data/repositories.ts';
import { startActivityFollower } from './activity-follower.ts';
import { backupMonitoring } from './backup-monitoring.ts';
import { startBackupScheduler } from './backup-scheduler.ts';
import type { BackupService } from './backup-service.ts';
import { createAlertEvaluator } from './alert-evaluator.ts';
import { metricsScrape, readyProbe, redisProbe, type MonitoredTarget } from './health-checker.ts';
import { breakerSync } from './breaker-sync.ts';
import { hubChecks } from './hub-checks.ts';
import { startMonitor } from './monitor.ts';
import type { MonitorRepository } from '../data/repositories.ts';
import { startMonitorScheduler, type MonitorRunner } from './monitor-scheduler.ts';
import type { Notifier } from './notifier.ts';
import { remoteEventFeed } from './event-feed-follower.ts';
import { createWebhookDispatcher } from './webhook-dispatcher.ts';
import { startWebhookFeeder } from './webhook-feeder.ts';

export interface JobsDeps {
  bus: EventBus;
  logger: Logger;
  config: ObservabilityConfig;
  internalSigningSecret: string;
  /** Our own database ping: PostgreSQL is checked through our connection to the server every subgraph's database lives on. */
  ready: () => Promise<void>;
  activity: ActivityRepository;
  alerts: AlertRepository;
  checks: CheckRepository;
  overview: OverviewRepository;
  devices: DeviceRepository;
  notifications: NotificationRepository;
  /** The notifier, built with the services (send test uses it too). */
  notifier: Notifier;
  leases: LeaseRepository;
  backups: BackupRepository;
  backupService: BackupService;
  webhooks: WebhookRepository;
  monitors: MonitorRepository;
  monitorRunner: MonitorRunner;
  /** Called when this process changed a monitor: the scheduler reloads. */
  monitorChangeListeners: Set<() => void>;
  maintenance: MaintenanceRepository;
  /** Our own outbox's events (alerts), which webhooks carry too. */
  ownEvents: EventFeed;
  /** Records a webhook endpoint's breaker transition (our outbox, as other services do). */
  onBreakerChange: (snapshot: CircuitBreakerSnapshot) => void;
}

/** Starts the background work of a process; `stop()` ends it before the database closes. */
export function startJobs(deps: JobsDeps) {
  const { config, logger } = deps;
  const redis = config.redisUrl ? redisProbe(config.redisUrl) : null;
  const client = createInternalClient({
    internalSigningSecret: deps.internalSigningSecret,
    timeoutMs: config.checks.timeoutMs,
  });
  const targets: MonitoredTarget[] = [
    ...config.monitoredServices.map((name) => {
      const baseUrl = config.serviceUrls[name] ?? `http://${name}.invalid`;
      return {
        name,
        kind: name === 'gateway' ? ('GATEWAY' as const) : ('SUBGRAPH' as const),
        probe: readyProbe(baseUrl),
        scrape: metricsScrape(client, baseUrl),
      };
    }),
    ...(config.database.baseUrl || config.database.url
      ? [{ name: 'postgresql', kind: 'DATABASE' as const, probe: deps.ready }]
      : []),
    ...(redis ? [{ name: 'redis', kind: 'REDIS' as const, probe: redis }] : []),
  ];
  const { notifier } = deps;
  notifier.start();
  const backupWatch = backupMonitoring({
    backups: deps.backups,
    scheduled: config.backups.schedule !== null,
    staleAfterMs: config.backups.staleAfterSeconds * 1000,
    sinceMs: Date.now(),
  });
  const evaluate = createAlertEvaluator({
    alerts: deps.alerts,
    checks: deps.checks,
    overview: deps.overview,
    devices: deps.devices,
    notifier,
    maintenance: deps.maintenance,
    backups: backupWatch.observations,
    monitors: deps.monitors,
  });
  const hardwareUrl = config.monitoredServices.includes('hardware') ? config.serviceUrls.hardware : undefined;
  const hubs = hardwareUrl ? hubChecks(client, hardwareUrl) : undefined;
  // Every other service's events and breakers, the gateway's included.
  const sources = Object.fromEntries(Object.entries(config.serviceUrls).filter(([name]) => name !== 'observability'));
  const monitor = startMonitor({
    checks: deps.checks,
    leases: deps.leases,
    evaluate,
    targets,
    hubs,
    // Our own breakers too (one per webhook endpoint), from our own /internal route like everyone's.
    syncBreakers: breakerSync(client, { ...sources, observability: config.serviceUrls.observability! }, deps.overview),
    backupRow: backupWatch.row,
    logger,
    ...config.checks,
  });
  const monitorScheduler = startMonitorScheduler({
    monitors: deps.monitors,
    runner: deps.monitorRunner,
    logger,
    isLeader: monitor.isLeader,
    concurrency: config.monitors.concurrency,
    reloadMs: config.monitors.reloadMs,
  });
  const reloadMonitors = () => void monitorScheduler.reload();
  deps.monitorChangeListeners.add(reloadMonitors);
  const feeds = Object.fromEntries(
    Object.entries(sources).map(([source, baseUrl]) => [source, remoteEventFeed(client, baseUrl)]),
  );
  const follower = startActivityFollower({
    activity: deps.activity,
    overview: deps.overview,
    devices: deps.devices,
    bus: deps.bus,
    logger,
    feeds,
    pollMs: config.activityPollMs,
    deviceSignificance: config.activityDeviceSignificance,
  });
  const dispatcher = createWebhookDispatcher({
    webhooks: deps.webhooks,
    activity: deps.activity,
    logger,
    settings: { ...config.webhooks, allowPrivate: privateTargetAllowance(config.webhooks.allowedPrivateTargets) },
    onBreakerChange: deps.onBreakerChange,
  });
  const feeder = startWebhookFeeder({
    webhooks: deps.webhooks,
    alerts: deps.alerts,
    activity: deps.activity,
    bus: deps.bus,
    logger,
    feeds: { ...feeds, observability: deps.ownEvents },
    pollMs: config.activityPollMs,
    onOwed: dispatcher.wake,
  });
  const scheduler = config.backups.schedule
    ? startBackupScheduler({
        schedule: config.backups.schedule,
        service: deps.backupService,
        leases: deps.leases,
        logger,
        renewMs: config.checks.intervalMs,
      })
    : null;
  void deps.backupService.refreshMetrics().catch(() => undefined);
  return {
    async stop() {
      await scheduler?.stop();
      deps.monitorChangeListeners.delete(reloadMonitors);
      await monitorScheduler.stop();
      await monitor.stop();
      await notifier.stop();
      await follower.stop();
      await feeder.stop();
      await dispatcher.stop();
      await client.close();
      redis?.close();
    },
  };
}
