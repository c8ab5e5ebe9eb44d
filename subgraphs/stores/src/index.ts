import { openPrismaDatabase } from '@switchyard/prisma';
import { startSubgraph } from '@switchyard/shared';
import { storesEnvSchema } from './config.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { createServer } from './server.ts';
import { seedDemoStores } from './services/demo-stores.ts';

await startSubgraph({
  name: 'stores',
  envSchema: storesEnvSchema,
  openDatabase: (config, log) =>
    openPrismaDatabase('stores', config.database, (adapter) => new PrismaClient({ adapter }), log),
  createServer,
  afterStart: async ({ services }, { config, logger }) => {
    if (config.seedDemoData) await seedDemoStores(services, logger);
  },
});
