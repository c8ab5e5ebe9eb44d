import type { OverviewResolvers } from '../generated/graphql.ts';

const HOUR_MS = 3_600_000;

export const Overview: OverviewResolvers = {
  storesByStatus: (_parent, _args, { overview }) => overview.storesByStatus(),
  // Device counts need device events from hardware with an online flag; not projected yet.
  devicesOnline: () => null,
  devicesTotal: () => null,
  hubsOffline: (_parent, _args, { overview }) => overview.countHubs('OFFLINE'),
  firingAlerts: (_parent, _args, { alerts }) => alerts.countFiring(),
  eventsLastHour: (_parent, _args, { activity }) => activity.countSince(new Date(Date.now() - HOUR_MS)),
};
