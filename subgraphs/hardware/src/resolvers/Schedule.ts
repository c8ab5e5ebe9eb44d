import { pageSize, toConnection } from '@switchyard/shared';
import type { ScheduleResolvers } from '../generated/graphql.ts';
import { sceneLoaders } from './scene-loaders.ts';

export const Schedule: ScheduleResolvers = {
  scene: (schedule, _args, context) =>
    schedule.sceneId ? sceneLoaders(context).sceneById.load(schedule.sceneId) : null,
  device: (schedule, _args, { loaders }) => (schedule.deviceId ? loaders.deviceById.load(schedule.deviceId) : null),
  store: (schedule) => (schedule.storeId ? { id: schedule.storeId } : null),
  lastRun: async (schedule, _args, context) =>
    (await sceneLoaders(context).lastRunByScheduleId.load(schedule.id))[0] ?? null,
  runs: async (schedule, { first, after }, { scenes }) => {
    const size = pageSize(first, { fallback: 20, max: 100 });
    const { edges, pageInfo } = toConnection(
      await scenes.pageOfRuns(schedule.id, size, after ?? null),
      size,
      scenes.runCursorOf,
      0,
    );
    return { edges, pageInfo };
  },
};
