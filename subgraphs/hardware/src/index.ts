import { openPrismaDatabase, TRANSACTION_OPTIONS } from '@switchyard/prisma';
import { olderThanTask, startSubgraph } from '@switchyard/shared';
import { hardwareEnvSchema } from './config.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { startHubReconciler } from './jobs/hub-reconciler.ts';
import { startSceneScheduler } from './jobs/scene-scheduler.ts';
import { createServer } from './server.ts';
import { registerSimulatedHub } from './services/simulated-hub.ts';

await startSubgraph({
  name: 'hardware',
  envSchema: hardwareEnvSchema,
  embeddedSecrets: ['INTERNAL_SIGNING_SECRET', 'HARDWARE_ENCRYPTION_KEY'],
  openDatabase: (config, log) =>
    openPrismaDatabase(
      'hardware',
      config.database,
      (adapter) => new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }),
      log,
    ),
  createServer,
  afterStart: async ({ services }, { config, logger }) => {
    if (config.simulatedHub) registerSimulatedHub(services, config.simulatedHub, logger);
    const reconciler = startHubReconciler({
      hubs: services.hubs,
      service: services.hubService,
      // An unreachable hub already shows as OFFLINE: its state read failing is not news.
      afterPoll: (hubId) =>
        services.hubControls
          .refresh(hubId)
          .catch((error: unknown) =>
            logger.debug({ hubId, reason: (error as Error).message }, 'hub state read failed'),
          ),
      intervalMs: config.hubs.pollIntervalMs,
      logger,
    });
    const scheduler = startSceneScheduler({ service: services.sceneService, logger });
    return { stop: () => Promise.all([reconciler.stop(), scheduler.stop()]).then(() => undefined) };
  },
  // Device history by age; each device's current attributes live in DeviceAttribute and stay.
  retention: (_server, config) => [
    olderThanTask('DeviceEvent', 'receivedAt', config.deviceEventRetentionDays),
    olderThanTask('DeviceAttributeHour', 'hour', config.deviceRollupRetentionDays),
    // Scene and schedule runs are kept as long as device history.
    olderThanTask('SceneRun', 'startedAt', config.deviceEventRetentionDays),
  ],
});
