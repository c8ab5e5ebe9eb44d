import type { NotificationChannel } from '../domain/notification-channels.ts';
import type { AlertRuleResolvers } from '../generated/graphql.ts';

export const AlertRule: AlertRuleResolvers = {
  // Channels are few: all of them are read once per request, whichever were asked.
  channels: async (rule, _args, { loaders }) =>
    (await loaders.channelById.loadMany(rule.channelIds ?? [])).filter(
      (channel): channel is NotificationChannel => channel !== null && !(channel instanceof Error),
    ),
  repeatIntervalSeconds: (rule) => rule.repeatIntervalSeconds ?? null,
};
