import { pageSize, toConnection } from '@switchyard/shared';
import type { DeviceResolvers } from '../generated/graphql.ts';

export const Device: DeviceResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.deviceById.load(id),
  attributes: (device, _args, { loaders }) => loaders.attributesByDeviceId.load(device.id),
  hub: async (device, _args, { loaders }) => (await loaders.hubById.load(device.hubId))!,
  store: (device) => (device.storeId ? { id: device.storeId } : null),
  events: async (device, { name, first, after }, { deviceEvents }) => {
    const size = pageSize(first, { fallback: 50, max: 500 });
    // The history can be long: no totalCount, so a page never counts it.
    const { edges, pageInfo } = toConnection(
      await deviceEvents.page(device.id, size, after ?? null, name ?? null),
      size,
      deviceEvents.cursorOf,
      0,
    );
    return { edges, pageInfo };
  },
  numericAttributes: (device, _args, { attributeHistoryRepository }) =>
    attributeHistoryRepository.numericAttributes(device.id),
  attributeHistory: (device, { name, range }, { attributeHistory }) => attributeHistory.of(device.id, name, range),
};
