import type { ServiceStatusResolvers } from '../generated/graphql.ts';

export const ServiceStatus: ServiceStatusResolvers = {
  kind: (state) => state.kind as never,
  uptime: (state, { window }, { loaders }) => loaders.uptime.load({ service: state.name, window }),
  history: (state, { from, to }, { checks }) => checks.history(state.name, from, to ?? new Date()),
  maintenance: (state, _args, { loaders }) => loaders.maintenanceOf.load(state.name),
};
