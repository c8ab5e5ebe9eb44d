import { randomUUID } from 'node:crypto';
import { BadUserInputError, fingerprintOf, NotFoundError, isUuid, type Logger } from '@switchyard/shared';
import { GraphQLError } from 'graphql';
import type { ClaimedSchedule, DeviceRepository, SceneRepository } from '../data/repositories.ts';
import { validateCommand } from '../domain/device-commands.ts';
import type { SceneInput, ScheduleInput } from '../domain/scene-input.ts';
import { runOutcome, type ActionResult } from '../domain/scene-run.ts';
import { type Scene, type SceneAction, type SceneRun, type Schedule } from '../domain/scenes.ts';
import { isLate, nextRunAfter } from '../domain/schedule-timing.ts';
import type { CommandSender } from '../domain/types.ts';
import type { HubService } from './hub-service.ts';

export interface SceneServiceDeps {
  repo: SceneRepository;
  devices: Pick<DeviceRepository, 'findManyByIds'>;
  hubService: Pick<HubService, 'sendCommand'>;
  logger: Logger;
  now?: () => Date;
}

export type SceneService = ReturnType<typeof createSceneService>;

/** Scenes and schedules: checks their commands as sendDeviceCommand does, runs them, logs the runs. */
export function createSceneService({ repo, devices, hubService, logger, now = () => new Date() }: SceneServiceDeps) {
  /** Each command against its device's own list; errors name the action (`<prefix>.<n>.command`). */
  async function checkActions(actions: Omit<SceneAction, 'position'>[], fieldOf: (index: number) => string) {
    const found = new Map(
      (await devices.findManyByIds(actions.map((a) => a.deviceId).filter(isUuid))).map((d) => [d.id, d]),
    );
    actions.forEach((action, index) => {
      const device = found.get(action.deviceId);
      if (!device) throw new BadUserInputError(`${fieldOf(index)}deviceId`, 'There is no such device');
      try {
        validateCommand(device.commands, action.command, action.arguments);
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        const field = error.field.replace(/^args/, 'arguments');
        throw new BadUserInputError(`${fieldOf(index)}${field}`, error.message);
      }
    });
  }

  async function checkSchedule(input: ScheduleInput): Promise<void> {
    if (input.sceneId && !(await repo.findScene(input.sceneId)))
      throw new BadUserInputError('input.sceneId', 'There is no such scene');
    if (input.deviceId)
      await checkActions(
        [{ deviceId: input.deviceId, command: input.command!, arguments: input.arguments }],
        () => 'input.',
      );
  }

  const nextRun = (schedule: Omit<Schedule, 'id' | 'createdAt' | 'createdBy' | 'nextRunAt'>, from: Date) =>
    schedule.enabled ? nextRunAfter(schedule, from) : null;

  /**
   * Sends each command in order; a failure is recorded and the next command still goes. Every
   * command takes the idempotent path with a key of this run and position, so a command is sent
   * at most once per run.
   */
  async function execute(
    actions: SceneAction[],
    sender: CommandSender | null,
    runKey: string,
  ): Promise<{ results: ActionResult[]; startedAt: Date; finishedAt: Date }> {
    const startedAt = now();
    const labels = new Map(
      (await devices.findManyByIds(actions.map((a) => a.deviceId).filter(isUuid))).map((d) => [d.id, d.label]),
    );
    const results: ActionResult[] = [];
    for (const action of actions) {
      const base = {
        position: action.position,
        deviceId: action.deviceId,
        deviceLabel: labels.get(action.deviceId) ?? null,
        command: action.command,
        arguments: action.arguments,
      };
      try {
        await hubService.sendCommand(action.deviceId, action.command, action.arguments, null, sender, {
          principalId: runKey,
          operation: 'sceneAction',
          key: String(action.position),
          fingerprint: fingerprintOf(action),
        });
        results.push({ ...base, ok: true, errorCode: null, error: null });
      } catch (error) {
        const errorCode =
          error instanceof GraphQLError
            ? String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR')
            : 'INTERNAL_SERVER_ERROR';
        if (errorCode === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, runKey }, 'scene action failed');
        const message = error instanceof GraphQLError ? error.message : 'The command failed unexpectedly';
        results.push({ ...base, ok: false, errorCode, error: message });
      }
    }
    return { results, startedAt, finishedAt: now() };
  }

  async function record(
    run: Omit<SceneRun, 'id' | 'outcome' | 'results' | 'startedAt' | 'finishedAt'>,
    executed: Awaited<ReturnType<typeof execute>>,
  ): Promise<SceneRun> {
    return repo.recordRun({ ...run, ...executed, outcome: runOutcome(executed.results) });
  }

  return {
    async createScene(input: SceneInput): Promise<Scene> {
      await checkActions(input.actions, (i) => `input.actions.${i}.`);
      return repo.createScene(input);
    },

    async updateScene(id: string, input: SceneInput): Promise<Scene> {
      if (!(await repo.findScene(id))) throw new NotFoundError('Scene', id);
      await checkActions(input.actions, (i) => `input.actions.${i}.`);
      const scene = await repo.replaceScene(id, input);
      if (!scene) throw new NotFoundError('Scene', id);
      return scene;
    },

    async deleteScene(id: string): Promise<string> {
      if (!(await repo.deleteScene(id))) throw new NotFoundError('Scene', id);
      return id;
    },

    /** Runs the scene now as `sender`; answers the logged run. */
    async runScene(id: string, sender: CommandSender | null): Promise<SceneRun> {
      const scene = await repo.findScene(id);
      if (!scene) throw new NotFoundError('Scene', id);
      const runKey = `scene-run:${scene.id}:${randomUUID()}`;
      const executed = await execute(scene.actions, sender, runKey);
      return record(
        {
          sceneId: scene.id,
          scheduleId: null,
          trigger: 'MANUAL',
          scheduledFor: null,
          late: false,
          startedBy: sender?.userId ?? null,
        },
        executed,
      );
    },

    async createSchedule(input: ScheduleInput, createdBy: string): Promise<Schedule> {
      await checkSchedule(input);
      return repo.createSchedule({ ...input, createdBy, nextRunAt: nextRun(input, now()) });
    },

    async updateSchedule(id: string, input: ScheduleInput): Promise<Schedule> {
      if (!(await repo.findSchedule(id))) throw new NotFoundError('Schedule', id);
      await checkSchedule(input);
      const schedule = await repo.updateSchedule(id, { ...input, nextRunAt: nextRun(input, now()) });
      if (!schedule) throw new NotFoundError('Schedule', id);
      return schedule;
    },

    async setScheduleEnabled(id: string, enabled: boolean): Promise<Schedule> {
      const current = await repo.findSchedule(id);
      if (!current) throw new NotFoundError('Schedule', id);
      const schedule = await repo.updateSchedule(id, { enabled, nextRunAt: nextRun({ ...current, enabled }, now()) });
      if (!schedule) throw new NotFoundError('Schedule', id);
      return schedule;
    },

    async deleteSchedule(id: string): Promise<string> {
      if (!(await repo.deleteSchedule(id))) throw new NotFoundError('Schedule', id);
      return id;
    },

    /** Claims due schedules (one replica each) and runs them; answers the runs made. */
    async runDue(limit = 10): Promise<SceneRun[]> {
      const claimedAt = now();
      const claimed = await repo.claimDue(limit, claimedAt, (schedule) => nextRun(schedule, claimedAt));
      const runs: SceneRun[] = [];
      for (const claim of claimed) {
        try {
          runs.push(await this.runClaimed(claim));
        } catch (error) {
          logger.error({ err: error, scheduleId: claim.schedule.id }, 'scheduled run failed');
        }
      }
      return runs;
    },

    /** One claimed slot of a schedule: its scene, or its single command, as the schedule's creator. */
    async runClaimed({ schedule, dueAt }: ClaimedSchedule): Promise<SceneRun> {
      const scene = schedule.sceneId ? await repo.findScene(schedule.sceneId) : null;
      const actions: SceneAction[] = scene
        ? scene.actions
        : [{ position: 0, deviceId: schedule.deviceId!, command: schedule.command!, arguments: schedule.arguments }];
      const sender: CommandSender = { kind: 'USER', userId: schedule.createdBy, apiKeyId: null };
      const executed = await execute(actions, sender, `schedule-run:${schedule.id}:${dueAt.toISOString()}`);
      const run = await record(
        {
          sceneId: scene?.id ?? null,
          scheduleId: schedule.id,
          trigger: 'SCHEDULE',
          scheduledFor: dueAt,
          late: isLate(dueAt, executed.startedAt),
          startedBy: null,
        },
        executed,
      );
      if (run.late) logger.warn({ scheduleId: schedule.id, dueAt }, 'scheduled run started late');
      return run;
    },
  };
}
