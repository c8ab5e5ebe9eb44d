import type { MonitorResolvers } from '../generated/graphql.ts';
import { monitorSubject } from '../domain/monitor.ts';

export const Monitor: MonitorResolvers = {
  store: (monitor) => (monitor.storeId ? { id: monitor.storeId } : null),
  pushUrl: (monitor, _args, { monitorAdmin, principal }) => monitorAdmin.pushUrlFor(monitor, principal ?? null),
  status: (monitor, _args, { checks }) => checks.state(monitorSubject(monitor.id)),
};
