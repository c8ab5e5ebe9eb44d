import { defineSubgraph } from '@switchyard/shared';
import { createContext, createServices, type StoresDeps } from './context.ts';
import { mountStoreExportRoute } from './routes/store-export-route.ts';
import { resolvers } from './resolvers/index.ts';

export const { typeDefs, createServer } = defineSubgraph({
  name: 'stores',
  schemaUrl: new URL('../schema.graphql', import.meta.url),
  resolvers,
  createServices: (deps: StoresDeps) => createServices(deps),
  createContext,
  internalRoutes: (router, services) => mountStoreExportRoute(router, services.stores),
});
