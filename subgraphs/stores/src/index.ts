import { openPrismaDatabase, TRANSACTION_OPTIONS } from '@switchyard/prisma';
import { startSubgraph } from '@switchyard/shared';
import { storesEnvSchema } from './config.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { createServer } from './server.ts';
import { seedDemoStores } from './services/demo-stores.ts';

await startSubgraph({
  name: 'stores',
  envSchema: storesEnvSchema,
  openDatabase: (config, log) =>
    openPrismaDatabase(
      'stores',
      config.database,
      (adapter) => new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }),
      log,
    ),
  createServer,
  afterStart: async ({ services }, { config, logger }) => {
    if (config.seedDemoData) await seedDemoStores(services, logger);
  },
});
