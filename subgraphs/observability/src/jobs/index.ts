import { createInternalClient, type EventBus, type Logger } from '@switchyard/shared';
import type { ObservabilityConfig } from '../config.ts';
import type { ActivityRepository } from '../data/activity-repository.ts';
import type { AlertRepository } from '../data/alert-repository.ts';
import type { CheckRepository } from '../data/check-repository.ts';
import { createNotificationRepository } from '../data/notification-repository.ts';
import type { OverviewRepository } from '../data/overview-repository.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { startActivityFollower } from './activity-follower.ts';
import { createAlertEvaluator } from './alert-evaluator.ts';
import { metricsScrape, readyProbe, redisProbe, type MonitoredTarget } from './health-checker.ts';
import { hubChecks } from './hub-checks.ts';
import { startMonitor } from './monitor.ts';
import { createNotifier } from './notifier.ts';

export interface JobsDeps {
  db: PrismaClient;
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
}

/** Starts the background work of a process; `stop()` ends it before the database closes. */
export function startJobs(deps: JobsDeps) {
  const { config, logger } = deps;
  const redis = config.redisUrl ? redisProbe(config.redisUrl) : null;
  const targets: MonitoredTarget[] = [
    ...config.monitoredServices.map((name) => {
      const baseUrl = config.serviceUrls[name] ?? `http://${name}.invalid`;
      return { name, kind: name === 'gateway' ? ('GATEWAY' as const) : ('SUBGRAPH' as const), probe: readyProbe(baseUrl), scrape: metricsScrape(baseUrl) };
    }),
    ...(config.database.baseUrl || config.database.url ? [{ name: 'postgresql', kind: 'DATABASE' as const, probe: deps.ready }] : []),
    ...(redis ? [{ name: 'redis', kind: 'REDIS' as const, probe: redis }] : []),
  ];
  const notifier = createNotifier({ notifications: createNotificationRepository(deps.db), logger, dataDir: config.database.dataDir, timeoutMs: config.checks.timeoutMs, ...config.notifications });
  const evaluate = createAlertEvaluator({ alerts: deps.alerts, checks: deps.checks, overview: deps.overview, notifier });
  const client = createInternalClient({ internalSigningSecret: deps.internalSigningSecret, timeoutMs: config.checks.timeoutMs });
  const hardwareUrl = config.monitoredServices.includes('hardware') ? config.serviceUrls.hardware : undefined;
  const hubs = hardwareUrl ? hubChecks(client, hardwareUrl) : undefined;
  const monitor = startMonitor({ db: deps.db, checks: deps.checks, evaluate, targets, hubs, logger, ...config.checks });
  // Every other service's events, the gateway's included (its circuit breakers).
  const sources = Object.fromEntries(Object.entries(config.serviceUrls).filter(([name]) => name !== 'observability'));
  const follower = startActivityFollower({ activity: deps.activity, overview: deps.overview, bus: deps.bus, client, logger, sources, pollMs: config.activityPollMs, deviceSignificance: config.activityDeviceSignificance });
  return {
    async stop() {
      await monitor.stop();
      await notifier.stop();
      await follower.stop();
      await client.close();
      redis?.close();
    },
  };
}
