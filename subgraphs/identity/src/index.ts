import { openPrismaDatabase, TRANSACTION_OPTIONS } from '@switchyard/prisma';
import { startSubgraph } from '@switchyard/shared';
import { identityEnvSchema } from './config.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { createServer } from './server.ts';
import { bootstrapAdmin } from './services/bootstrap-admin.ts';

await startSubgraph({
  name: 'identity',
  envSchema: identityEnvSchema,
  embeddedSecrets: ['INTERNAL_SIGNING_SECRET', 'JWT_SECRET'],
  openDatabase: (config, log) =>
    openPrismaDatabase(
      'identity',
      config.database,
      (adapter) => new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }),
      log,
    ),
  createServer,
  // Before listening, so that a ready identity has its first admin (and the launcher has seen it announced).
  beforeListen: async ({ services }, { config, logger, database }) =>
    bootstrapAdmin(services.users, services.userAdmin, config.bootstrapAdmin, database.kind === 'pglite', logger),
});
