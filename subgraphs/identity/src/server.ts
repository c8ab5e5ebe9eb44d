import {
  defineSubgraph,
  mountAuthenticateRoute,
  mountCredentialRevocationsRoute,
  mountUsersLookupRoute,
} from '@switchyard/shared';
import { createContext, createServices, type IdentityDeps, type IdentityMailDeps } from './context.ts';
import { resolvers } from './resolvers/index.ts';

export const { typeDefs, createServer } = defineSubgraph({
  name: 'identity',
  schemaUrl: new URL('../schema.graphql', import.meta.url),
  resolvers,
  createServices: (deps: IdentityDeps & IdentityMailDeps) => createServices(deps),
  createContext,
  internalRoutes: (router, services) => {
    mountAuthenticateRoute(router, async (credential) =>
      services.twoFactor.markEnrolmentRequired(await services.auth.authenticate(credential)),
    );
    mountCredentialRevocationsRoute(router, services.revocations);
    // Deactivated users are not mailed or shown: the lookup answers as if they did not exist.
    mountUsersLookupRoute(router, async (ids) =>
      (await services.users.findManyByIds(ids)).filter((user) => !user.deactivatedAt),
    );
  },
});
