import type { ServiceStatusResolvers } from '../generated/graphql.ts';
import { monitorIdOf } from '../domain/monitor.ts';

export const ServiceStatus: ServiceStatusResolvers = {
  kind: (state) => state.kind as never,
  monitor: (state, _args, { loaders }) => {
    const id = monitorIdOf(state.name);
    return id === null ? null : loaders.monitorById.load(id);
  },
  displayName: async (state, _args, { loaders }) => {
    const id = monitorIdOf(state.name);
    return (id === null ? null : (await loaders.monitorById.load(id))?.name) ?? state.name;
  },
  uptime: (state, { window }, { loaders }) => loaders.uptime.load({ service: state.name, window }),
  history: (state, { from, to }, { checks }) => checks.history(state.name, from, to ?? new Date()),
  maintenance: (state, _args, { loaders }) => loaders.maintenanceOf.load(state.name),
};
