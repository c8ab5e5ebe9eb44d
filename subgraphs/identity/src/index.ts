import { openPrismaDatabase } from '@switchyard/prisma';
import { startSubgraph } from '@switchyard/shared';
import { identityEnvSchema } from './config.ts';
import { bootstrapAdmin } from './domain/bootstrap-admin.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { createServer } from './server.ts';

await startSubgraph({
  name: 'identity',
  envSchema: identityEnvSchema,
  embeddedSecrets: ['INTERNAL_SIGNING_SECRET', 'JWT_SECRET'],
  openDatabase: (config, log) => openPrismaDatabase('identity', config.database, (adapter) => new PrismaClient({ adapter }), log),
  createServer,
  afterStart: async ({ services }, { config, logger, database }) =>
    bootstrapAdmin(services.users, services.userAdmin, config.bootstrapAdmin, database.kind === 'pglite', logger),
});
