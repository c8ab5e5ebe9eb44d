import type { OverviewResolvers } from '../generated/graphql.ts';

const HOUR_MS = 3_600_000;
/** The one Overview there is; other subgraphs add their figures to it by this key. */
export const OVERVIEW_SCOPE = 'installation';

export const Overview: OverviewResolvers = {
  storesByStatus: (_parent, _args, { overview }) => overview.storesByStatus(),
  hubsOffline: (_parent, _args, { overview }) => overview.countHubs('OFFLINE'),
  firingAlerts: (_parent, _args, { alerts }) => alerts.countFiring(),
  eventsLastHour: (_parent, _args, { activity }) => activity.countSince(new Date(Date.now() - HOUR_MS)),
};
