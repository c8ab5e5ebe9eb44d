import { defineSubgraph } from '@switchyard/shared';
import { createContext, createServices, type IdentityDeps } from './context.ts';
import { mountAuthenticateRoute } from './internal/authenticate-route.ts';
import { mountUsersLookupRoute } from './internal/users-route.ts';
import { resolvers } from './resolvers/index.ts';

export const { typeDefs, createServer } = defineSubgraph({
  name: 'identity',
  schemaUrl: new URL('../schema.graphql', import.meta.url),
  resolvers,
  createServices: (deps: IdentityDeps) => createServices(deps),
  createContext,
  internalRoutes: (router, services) => {
    mountAuthenticateRoute(router, services.auth);
    mountUsersLookupRoute(router, services.users);
  },
});
