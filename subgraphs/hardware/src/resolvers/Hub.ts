import type { HubResolvers } from '../generated/graphql.ts';

export const Hub: HubResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.hubById.load(id),
  devices: (hub, _args, { loaders }) => loaders.devicesByHubId.load(hub.id),
  store: (hub) => (hub.storeId ? { id: hub.storeId } : null),
  diagnostics: (hub, _args, { hubDiagnostics }) => hubDiagnostics.of(hub.id),
};
