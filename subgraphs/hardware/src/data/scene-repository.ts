import { ConflictError, decodeCursor, encodeCursor, groupBy, isUuid } from '@switchyard/shared';
import type {
  Prisma,
  PrismaClient,
  Schedule as ScheduleRow,
  SceneRun as SceneRunRow,
} from '../generated/prisma/client.ts';
import type { ActionResult } from '../domain/scene-run.ts';
import { type Scene, type SceneRun, type Schedule } from '../domain/scenes.ts';
import type { ClaimedSchedule, NewSceneRun, SceneData, ScheduleData, SceneRepository } from './repositories.ts';

const withActions = { actions: { orderBy: { position: 'asc' } } } as const;
type SceneRow = Prisma.SceneGetPayload<{ include: typeof withActions }>;

/** Scenes, schedules and their runs. */
export function createSceneRepository(db: PrismaClient): SceneRepository {
  const actionRows = (actions: SceneData['actions']) => actions.map((action, position) => ({ ...action, position }));

  return {
    async createScene(data: SceneData): Promise<Scene> {
      return toScene(
        await db.scene.create({
          data: { name: data.name, storeId: data.storeId, actions: { create: actionRows(data.actions) } },
          include: withActions,
        }),
      );
    },

    /** Replaces name, store and every action in one transaction; null when there is no such scene. */
    async replaceScene(id: string, data: SceneData): Promise<Scene | null> {
      if (!isUuid(id)) return null;
      return db.$transaction(async (tx) => {
        const updated = await tx.scene.updateMany({ where: { id }, data: { name: data.name, storeId: data.storeId } });
        if (updated.count === 0) return null;
        await tx.sceneAction.deleteMany({ where: { sceneId: id } });
        await tx.sceneAction.createMany({ data: actionRows(data.actions).map((row) => ({ ...row, sceneId: id })) });
        return toScene(await tx.scene.findUniqueOrThrow({ where: { id }, include: withActions }));
      });
    },

    /** False when there is no such scene; CONFLICT while a schedule runs it. */
    async deleteScene(id: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      const schedules = await db.schedule.findMany({ where: { sceneId: id }, select: { name: true }, take: 5 });
      if (schedules.length > 0)
        throw new ConflictError(
          `The scene is run by the schedule(s) ${schedules.map((s) => `"${s.name}"`).join(', ')}; delete or change them first`,
        );
      try {
        return (await db.scene.deleteMany({ where: { id } })).count > 0;
      } catch (error) {
        // A schedule created for this scene since the check above (the foreign key restricts).
        if ((error as { code?: string }).code === 'P2003')
          throw new ConflictError('The scene is run by a schedule; delete or change it first');
        throw error;
      }
    },

    async findManyScenes(ids: readonly string[]): Promise<Scene[]> {
      const rows = await db.scene.findMany({ where: { id: { in: ids.filter(isUuid) } }, include: withActions });
      return rows.map(toScene);
    },

    async findScene(id: string): Promise<Scene | null> {
      if (!isUuid(id)) return null;
      const row = await db.scene.findUnique({ where: { id }, include: withActions });
      return row ? toScene(row) : null;
    },

    async listScenes(storeId: string | null): Promise<Scene[]> {
      const rows = await db.scene.findMany({
        where: storeId ? { storeId } : {},
        include: withActions,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toScene);
    },

    async createSchedule(data: ScheduleData): Promise<Schedule> {
      return toSchedule(await db.schedule.create({ data }));
    },

    /** Null when there is no such schedule. */
    async updateSchedule(id: string, data: Partial<ScheduleData>): Promise<Schedule | null> {
      if (!isUuid(id)) return null;
      const updated = await db.schedule.updateMany({ where: { id }, data });
      if (updated.count === 0) return null;
      return toSchedule(await db.schedule.findUniqueOrThrow({ where: { id } }));
    },

    async deleteSchedule(id: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      return (await db.schedule.deleteMany({ where: { id } })).count > 0;
    },

    async findSchedule(id: string): Promise<Schedule | null> {
      if (!isUuid(id)) return null;
      const row = await db.schedule.findUnique({ where: { id } });
      return row ? toSchedule(row) : null;
    },

    async findManySchedules(ids: readonly string[]): Promise<Schedule[]> {
      return (await db.schedule.findMany({ where: { id: { in: ids.filter(isUuid) } } })).map(toSchedule);
    },

    async listSchedules(): Promise<Schedule[]> {
      return (await db.schedule.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })).map(toSchedule);
    },

    /**
     * Claims due schedules: rows another replica is claiming are skipped (FOR UPDATE SKIP LOCKED),
     * and each claimed row's nextRunAt moves to `next(schedule)` in the same transaction, so a due
     * slot is run by one replica once. `next` counts from now, not from the slot: after downtime the
     * missed slots make one (late) run, not one each.
     */
    async claimDue(limit: number, now: Date, next: (schedule: Schedule) => Date | null): Promise<ClaimedSchedule[]> {
      return db.$transaction(async (tx) => {
        const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id" FROM "Schedule" WHERE "enabled" AND "nextRunAt" <= $1 ORDER BY "nextRunAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
          now,
          limit,
        );
        if (locked.length === 0) return [];
        const due = await tx.schedule.findMany({
          where: { id: { in: locked.map((row) => row.id) } },
          orderBy: { nextRunAt: 'asc' },
        });
        const claimed: ClaimedSchedule[] = [];
        for (const row of due) {
          const schedule = toSchedule(row);
          const nextRunAt = next(schedule);
          await tx.schedule.update({ where: { id: schedule.id }, data: { nextRunAt } });
          claimed.push({ schedule: { ...schedule, nextRunAt }, dueAt: row.nextRunAt! });
        }
        return claimed;
      });
    },

    async recordRun(run: NewSceneRun): Promise<SceneRun> {
      return toRun(
        await db.sceneRun.create({ data: { ...run, results: run.results as unknown as Prisma.InputJsonValue } }),
      );
    },

    /** The newest run of each scene (or schedule) asked for. */
    async lastRuns(by: 'sceneId' | 'scheduleId', ids: readonly string[]): Promise<Map<string, SceneRun[]>> {
      const valid = ids.filter(isUuid);
      if (valid.length === 0) return new Map();
      // The newest per key in the database (Prisma's `distinct` would read every run and drop the rest).
      const newest = await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT DISTINCT ON ("${by}") "id" FROM "SceneRun" WHERE "${by}" = ANY($1::uuid[]) ORDER BY "${by}", "startedAt" DESC, "id" DESC`,
        valid,
      );
      const rows = await db.sceneRun.findMany({ where: { id: { in: newest.map((row) => row.id) } } });
      return groupBy(rows.map(toRun), (run) => run[by]!);
    },

    async pageOfRuns(scheduleId: string, size: number, after: string | null): Promise<SceneRun[]> {
      const cursor = after ? decodeCursor(after) : null;
      const rows = await db.sceneRun.findMany({
        where: {
          scheduleId,
          ...(cursor
            ? {
                OR: [
                  { startedAt: { lt: new Date(String(cursor[0])) } },
                  { startedAt: new Date(String(cursor[0])), id: { lt: String(cursor[1]) } },
                ],
              }
            : {}),
        },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: size + 1,
      });
      return rows.map(toRun);
    },

    runCursorOf: (run: SceneRun) => encodeCursor([run.startedAt.toISOString(), run.id]),
  };
}

function toScene(row: SceneRow): Scene {
  return {
    id: row.id,
    name: row.name,
    storeId: row.storeId,
    actions: row.actions.map(({ position, deviceId, command, arguments: args }) => ({
      position,
      deviceId,
      command,
      arguments: args,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toSchedule(row: ScheduleRow): Schedule {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    sceneId: row.sceneId,
    deviceId: row.deviceId,
    command: row.command,
    arguments: row.arguments,
    timing: row.timing,
    cron: row.cron,
    offsetMinutes: row.offsetMinutes,
    timeZone: row.timeZone,
    latitude: row.latitude,
    longitude: row.longitude,
    storeId: row.storeId,
    createdBy: row.createdBy,
    nextRunAt: row.nextRunAt,
    createdAt: row.createdAt,
  };
}

function toRun(row: SceneRunRow): SceneRun {
  return { ...row, results: row.results as unknown as ActionResult[] };
}
