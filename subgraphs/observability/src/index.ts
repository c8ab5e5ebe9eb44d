import { openPrismaDatabase } from '@switchyard/prisma';
import { startSubgraph } from '@switchyard/shared';
import { observabilityEnvSchema } from './config.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { createServer } from './server.ts';

await startSubgraph({
  name: 'observability',
  envSchema: observabilityEnvSchema,
  openDatabase: (config, log) => openPrismaDatabase('observability', config.database, (adapter) => new PrismaClient({ adapter }), log),
  createServer,
  // The checker, alert evaluation, notifications and the activity feed.
  afterStart: async ({ services }) => services.startJobs(),
});
