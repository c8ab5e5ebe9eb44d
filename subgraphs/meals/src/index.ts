import path from 'node:path';
import { openPrismaDatabase, TRANSACTION_OPTIONS } from '@switchyard/prisma';
import { createInternalClient, startSubgraph } from '@switchyard/shared';
import { mealsEnvSchema } from './config.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { createIdentityEmailResolver } from './clients/identity-emails.ts';
import { createWeeklyEmailJob } from './jobs/weekly-email-job.ts';
import { createMailer } from '@switchyard/shared/mail';
import { createServer } from './server.ts';

await startSubgraph({
  name: 'meals',
  envSchema: mealsEnvSchema,
  openDatabase: (config, log) =>
    openPrismaDatabase(
      'meals',
      config.database,
      (adapter) => new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }),
      log,
    ),
  createServer,
  afterStart: async (
    { services: { households, mealPlans, shoppingLists, weeklyEmails, recordBreakerChange } },
    { config, logger },
  ) => {
    const job = createWeeklyEmailJob({
      households,
      mealPlans,
      shoppingLists,
      deliveries: weeklyEmails,
      resolveEmails: createIdentityEmailResolver(
        createInternalClient({ internalSigningSecret: config.internalSigningSecret, timeoutMs: 10_000 }),
        config.identityUrl,
      ),
      mailer: createMailer({
        service: 'meals',
        ...config.mail,
        outboxDir: path.resolve(config.database.dataDir, 'meals', 'mail'),
        breaker: { ...config.breakers, onStateChange: recordBreakerChange },
      }),
      schedule: config.weeklyEmail,
      logger,
    });
    job.start();
    return job;
  },
});
