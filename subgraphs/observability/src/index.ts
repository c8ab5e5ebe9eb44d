import { openPrismaDatabase, TRANSACTION_OPTIONS } from '@switchyard/prisma';
import { startSubgraph } from '@switchyard/shared';
import { observabilityEnvSchema } from './config.ts';
import { observabilityRetention } from './data/retention.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { createServer } from './server.ts';

await startSubgraph({
  name: 'observability',
  envSchema: observabilityEnvSchema,
  openDatabase: (config, log) =>
    openPrismaDatabase(
      'observability',
      config.database,
      (adapter) => new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }),
      log,
    ),
  createServer,
  afterStart: async ({ services }, { logger }) => {
    const created = await services.createDefaultAlertRules();
    if (created.length > 0) logger.info({ steps: created }, 'created the default alert rules');
    // The checker, alert evaluation, notifications and the activity feed.
    return services.startJobs();
  },
  retention: ({ services }, config) => observabilityRetention(services.checks, config),
});
