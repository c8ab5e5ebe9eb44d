import type { DomainEvent } from '@switchyard/shared';
import { refreshLoaders, type Context } from '../context.ts';
import type { SubscriptionResolvers } from '../generated/graphql.ts';
import type { DeviceEventReceivedPayload } from '../domain/device-event.ts';
import type { HubStatusChangedPayload } from '../domain/hub-events.ts';
import type { DeviceEvent } from '../domain/types.ts';
import type { HubStatusChangeMapper } from './mappers.ts';

export const Subscription: SubscriptionResolvers = {
  deviceEvent: {
    subscribe: (_parent, { deviceId, hubId, storeId }, { replayFrom, deviceEventStream }) =>
      deviceEventStream(
        replayFrom,
        ({ payload }) =>
          (!deviceId || payload.deviceId === deviceId) &&
          (!hubId || payload.hubId === hubId) &&
          (!storeId || payload.storeId === storeId),
      ) as never,
    resolve: (source: unknown, _args: unknown, context: Context): DeviceEvent => {
      refreshLoaders(context);
      const { payload } = source as DomainEvent<DeviceEventReceivedPayload>;
      const { eventId, deviceId, name, value, unit, description, source: origin, receivedAt } = payload;
      return {
        id: eventId,
        deviceId,
        name,
        value,
        unit,
        description,
        source: origin,
        receivedAt: new Date(receivedAt),
        // Commands are recorded in the history only, never published: every event here is the hub's.
        sentBy: null,
      };
    },
  },

  hubStatusChanged: {
    subscribe: (_parent, { hubId }, { replayFrom, hubStatusStream }) =>
      hubStatusStream(replayFrom, ({ payload }) => !hubId || payload.hubId === hubId) as never,
    resolve: (source: unknown, _args: unknown, context: Context): HubStatusChangeMapper => {
      refreshLoaders(context);
      const { payload } = source as DomainEvent<HubStatusChangedPayload>;
      return {
        hubId: payload.hubId,
        status: payload.status,
        previousStatus: payload.previousStatus,
        changedAt: new Date(payload.changedAt),
      };
    },
  },
};
