import type { NotificationChannelResolvers } from '../generated/graphql.ts';
import { channelTarget } from '../domain/notification-channels.ts';

export const NotificationChannel: NotificationChannelResolvers = {
  target: (channel) => channelTarget(channel),
  // The secret itself is never read back.
  hasSecret: (channel) => channel.secret !== null,
  lastTest: (channel) =>
    channel.lastTestAt
      ? {
          at: channel.lastTestAt,
          ok: channel.lastTestOk ?? false,
          httpStatus: channel.lastTestHttpStatus,
          error: channel.lastTestError,
        }
      : null,
};
