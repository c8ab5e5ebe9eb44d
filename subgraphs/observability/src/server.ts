import { defineSubgraph } from '@switchyard/shared';
import { createContext, createServices, type ObservabilityDeps } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import { mountBackupDownloadRoute } from './routes/backup-download-route.ts';
import { mountPushRoute } from './routes/push-route.ts';

export const { typeDefs, createServer } = defineSubgraph({
  name: 'observability',
  schemaUrl: new URL('../schema.graphql', import.meta.url),
  resolvers,
  createServices: (deps: ObservabilityDeps) => createServices(deps),
  createContext,
  internalRoutes: (router, services) => {
    mountBackupDownloadRoute(router, services.backups);
    mountPushRoute(router, services.monitorAdmin);
  },
  drain: async (services) => {
    await services.backupService.stop();
    await services.closeClient();
  },
});
