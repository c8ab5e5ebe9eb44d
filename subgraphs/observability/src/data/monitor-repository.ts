import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@switchyard/shared';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { Monitor as MonitorRow } from '../generated/prisma/client.ts';
import { monitorSubject, type HttpMonitorSettings, type Monitor } from '../domain/monitor.ts';
import type { MonitorSettings } from '../domain/monitor-input.ts';
import type { MonitorRepository } from './repositories.ts';

function toMonitor(row: MonitorRow): Monitor {
  return { ...row, kind: row.kind, http: (row.http as unknown as HttpMonitorSettings | null) ?? null };
}

const httpColumn = (http: HttpMonitorSettings | null) =>
  http === null ? Prisma.DbNull : (http as unknown as Prisma.InputJsonValue);

/** User-defined monitors. Their checks live with every other check, as service states named monitor:<id>. */
export function createMonitorRepository(db: PrismaClient): MonitorRepository {
  return {
    /** Ordered by name (then id). */
    async list(storeId: string | null = null): Promise<Monitor[]> {
      const rows = await db.monitor.findMany({
        where: storeId === null ? {} : { storeId },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toMonitor);
    },

    async byStoreIds(storeIds: readonly string[]): Promise<Monitor[]> {
      const rows = await db.monitor.findMany({
        where: { storeId: { in: [...storeIds] } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toMonitor);
    },

    async byIds(ids: readonly string[]): Promise<Monitor[]> {
      return (await db.monitor.findMany({ where: { id: { in: [...ids] } } })).map(toMonitor);
    },

    async findById(id: string): Promise<Monitor | null> {
      const row = await db.monitor.findUnique({ where: { id } });
      return row ? toMonitor(row) : null;
    },

    /** `pushHashOf` gives a PUSH monitor's token hash from its new id. */
    async create(settings: MonitorSettings, pushHashOf: (id: string) => string | null): Promise<Monitor> {
      const id = randomUUID();
      return toMonitor(
        await db.monitor.create({
          data: { id, ...settings, http: httpColumn(settings.http), pushTokenHash: pushHashOf(id) },
        }),
      );
    },

    /** NOT_FOUND for an unknown monitor. */
    async update(id: string, settings: MonitorSettings): Promise<Monitor> {
      try {
        return toMonitor(
          await db.monitor.update({ where: { id }, data: { ...settings, http: httpColumn(settings.http) } }),
        );
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')
          throw new NotFoundError('Monitor', id);
        throw error;
      }
    },

    /** The monitor, its state and its history; whether it existed. */
    async delete(id: string): Promise<boolean> {
      const subject = monitorSubject(id);
      const [deleted] = await db.$transaction([
        db.monitor.deleteMany({ where: { id } }),
        db.serviceState.deleteMany({ where: { name: subject } }),
        db.serviceCheck.deleteMany({ where: { service: subject } }),
        db.serviceCheckHourly.deleteMany({ where: { service: subject } }),
      ]);
      return deleted.count > 0;
    },

    /** A new push token generation; `hashOf` gives its token's hash. */
    async rotatePush(monitor: Monitor, hashOf: (generation: number) => string): Promise<Monitor> {
      const generation = monitor.pushGeneration + 1;
      return toMonitor(
        await db.monitor.update({
          where: { id: monitor.id },
          data: { pushGeneration: generation, pushTokenHash: hashOf(generation) },
        }),
      );
    },

    async byPushTokenHash(pushTokenHash: string): Promise<Monitor | null> {
      const row = await db.monitor.findUnique({ where: { pushTokenHash } });
      return row ? toMonitor(row) : null;
    },

    /** Records a push call; updatedAt is left alone (it says when the settings changed). */
    async recordPush(id: string, at: Date): Promise<void> {
      await db.$executeRaw`UPDATE "Monitor" SET "lastPushAt" = ${at} WHERE "id" = ${id}::uuid`;
    },

    async setCertificateExpiresAt(id: string, expiresAt: Date | null): Promise<void> {
      await db.$executeRaw`UPDATE "Monitor" SET "certificateExpiresAt" = ${expiresAt} WHERE "id" = ${id}::uuid`;
    },

    /** Failed checks (DEGRADED while retrying, or DOWN) in a row at the end of a monitor's history, at most `max`. */
    async failuresInARow(service: string, max: number): Promise<number> {
      const recent = await db.serviceCheck.findMany({
        where: { service },
        orderBy: { checkedAt: 'desc' },
        take: max,
        select: { status: true },
      });
      const firstGood = recent.findIndex((check) => check.status === 'UP');
      return firstGood === -1 ? recent.length : firstGood;
    },

    /** Changes whenever a monitor is created, changed or deleted: replicas reload when it does. */
    async version(): Promise<string> {
      const { _count, _max } = await db.monitor.aggregate({ _count: true, _max: { updatedAt: true } });
      return `${_count}@${_max.updatedAt?.toISOString() ?? ''}`;
    },
  };
}
