import { NotFoundError } from '@switchyard/shared';
import type { DeviceEventResolvers } from '../generated/graphql.ts';

export const DeviceEvent: DeviceEventResolvers = {
  sentBy: (event) => event.sentBy,
  // A subscriber can receive an event of a device removed a moment later.
  device: async (event, _args, { loaders }) =>
    (await loaders.deviceById.load(event.deviceId)) ?? Promise.reject(new NotFoundError('Device', event.deviceId)),
};
