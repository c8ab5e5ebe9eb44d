import type { ServiceStatusResolvers } from '../generated/graphql.ts';
import { UPTIME_WINDOWS_MS } from '../domain/health.ts';

export const ServiceStatus: ServiceStatusResolvers = {
  kind: (state) => state.kind as never,
  uptime: (state, { window }, { checks }) =>
    checks.uptime(state.name, new Date(Date.now() - UPTIME_WINDOWS_MS[window])),
  history: (state, { from, to }, { checks }) => checks.history(state.name, from, to ?? new Date()),
};
