import { defineSubgraph, mountHouseholdOfRoute } from '@switchyard/shared';
import { createContext, createServices, type MealsDeps } from './context.ts';
import { resolvers } from './resolvers/index.ts';

export const { typeDefs, createServer } = defineSubgraph({
  name: 'meals',
  schemaUrl: new URL('../schema.graphql', import.meta.url),
  resolvers,
  createServices: (deps: MealsDeps) => createServices(deps),
  createContext,
  internalRoutes: (router, { households }) =>
    mountHouseholdOfRoute(router, async (userId) => {
      const [membership] = await households.membershipsOf([userId]);
      return membership?.householdId ?? null;
    }),
});
