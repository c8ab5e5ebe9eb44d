import { pageSize, parseInput, toConnection } from '@switchyard/shared';
import type { QueryResolvers } from '../generated/graphql.ts';
import { assetFilterTextSchema, deviceFilterTextSchema } from '../domain/filters.ts';
import { sceneQueries } from './scene-operations.ts';

export const Query: QueryResolvers = {
  hubs: (_parent, _args, { hubs }) => hubs.list(),

  assetImportTemplate: (_parent, _args, { assetImport }) => assetImport.template(),

  hub: (_parent, { id }, { loaders }) => loaders.hubById.load(id),

  device: (_parent, { id }, { loaders }) => loaders.deviceById.load(id),

  devices: async (_parent, { filter, first, after }, { devices }) => {
    const size = pageSize(first, { fallback: 50, max: 200 });
    const criteria = { ...filter, ...parseInput(deviceFilterTextSchema, filter ?? {}, 'filter') };
    const [rows, total] = await Promise.all([devices.page(criteria, size, after ?? null), devices.count(criteria)]);
    return toConnection(rows, size, devices.cursorOf, total);
  },

  asset: (_parent, { id }, { loaders }) => loaders.assetById.load(id),

  assets: async (_parent, { filter, first, after }, { assets }) => {
    const size = pageSize(first, { fallback: 50, max: 200 });
    const criteria = { ...filter, ...parseInput(assetFilterTextSchema, filter ?? {}, 'filter') };
    const [rows, total] = await Promise.all([assets.page(criteria, size, after ?? null), assets.count(criteria)]);
    return toConnection(rows, size, assets.cursorOf, total);
  },

  hubCircuitBreakers: (_parent, _args, { resilience }) => resilience.snapshots(),

  ...sceneQueries,
};
