import { parseInput } from '@switchyard/shared';
import type { MutationResolvers, QueryResolvers } from '../generated/graphql.ts';
import { storeIdSchema } from '../domain/asset-input.ts';
import { sceneInputSchema, scheduleInputSchema } from '../domain/scene-input.ts';
import type { CommandSender } from '../domain/types.ts';
import { sceneLoaders } from './scene-loaders.ts';

/** Scenes' and schedules' fields of Query, spread into Query.ts. */
export const sceneQueries: Pick<QueryResolvers, 'scenes' | 'scene' | 'schedules' | 'schedule'> = {
  scenes: (_parent, { storeId }, { scenes }) =>
    scenes.listScenes(storeId ? parseInput(storeIdSchema, storeId, 'storeId') : null),
  scene: (_parent, { id }, context) => sceneLoaders(context).sceneById.load(id),
  schedules: (_parent, _args, { scenes }) => scenes.listSchedules(),
  schedule: (_parent, { id }, context) => sceneLoaders(context).scheduleById.load(id),
};

type SceneMutations =
  | 'createScene'
  | 'updateScene'
  | 'deleteScene'
  | 'runScene'
  | 'createSchedule'
  | 'updateSchedule'
  | 'setScheduleEnabled'
  | 'deleteSchedule';

/** Scenes' and schedules' fields of Mutation, spread into Mutation.ts. */
export const sceneMutations: Pick<MutationResolvers, SceneMutations> = {
  createScene: (_parent, { input }, { sceneService }) =>
    sceneService.createScene(parseInput(sceneInputSchema, input, 'input')),

  updateScene: (_parent, { id, input }, { sceneService }) =>
    sceneService.updateScene(id, parseInput(sceneInputSchema, input, 'input')),

  deleteScene: (_parent, { id }, { sceneService }) => sceneService.deleteScene(id),

  runScene: (_parent, { id }, { sceneService, principal }) =>
    sceneService.runScene(
      id,
      principal &&
        ({
          kind: principal.kind === 'apiKey' ? 'API_KEY' : 'USER',
          userId: principal.userId,
          apiKeyId: principal.apiKeyId,
        } satisfies CommandSender),
    ),

  createSchedule: (_parent, { input }, { sceneService, principal }) =>
    sceneService.createSchedule(parseInput(scheduleInputSchema, input, 'input'), principal!.userId),

  updateSchedule: (_parent, { id, input }, { sceneService }) =>
    sceneService.updateSchedule(id, parseInput(scheduleInputSchema, input, 'input')),

  setScheduleEnabled: (_parent, { id, enabled }, { sceneService }) => sceneService.setScheduleEnabled(id, enabled),

  deleteSchedule: (_parent, { id }, { sceneService }) => sceneService.deleteSchedule(id),
};
