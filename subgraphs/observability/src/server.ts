import { defineSubgraph } from '@switchyard/shared';
import { createContext, createServices, type ObservabilityDeps } from './context.ts';
import { resolvers } from './resolvers/index.ts';

export const { typeDefs, createServer } = defineSubgraph({
  name: 'observability',
  schemaUrl: new URL('../schema.graphql', import.meta.url),
  resolvers,
  createServices: (deps: ObservabilityDeps) => createServices(deps),
  createContext,
  drain: (services) => services.closeClient(),
});
