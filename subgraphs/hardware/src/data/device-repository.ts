import { decodeCursor, encodeCursor, groupBy } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Device, DeviceAttribute, DeviceCommandSpec } from '../domain/types.ts';
import type { DeviceFilter, DeviceRepository, ImportedDevice } from './repositories.ts';

const withStore = { hub: { select: { storeId: true } } } as const;
type DeviceRow = Prisma.DeviceGetPayload<{ include: typeof withStore }>;

export function createDeviceRepository(db: PrismaClient): DeviceRepository {
  function where(filter: DeviceFilter): Prisma.DeviceWhereInput {
    return {
      ...(filter.hubId ? { hubId: filter.hubId } : {}),
      ...(filter.storeId ? { hub: { storeId: filter.storeId } } : {}),
      ...(filter.capability ? { capabilities: { has: filter.capability } } : {}),
      ...(filter.room ? { room: { equals: filter.room, mode: 'insensitive' } } : {}),
      ...(filter.search
        ? {
            OR: [
              { label: { contains: filter.search, mode: 'insensitive' } },
              { name: { contains: filter.search, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
  }

  return {
    async findById(id: string): Promise<Device | null> {
      const row = await db.device.findUnique({ where: { id }, include: withStore });
      return row ? toDevice(row) : null;
    },

    async findManyByIds(ids: readonly string[]): Promise<Device[]> {
      return (await db.device.findMany({ where: { id: { in: [...ids] } }, include: withStore })).map(toDevice);
    },

    async listGrouped(by: 'hubId' | 'storeId', ids: readonly string[]): Promise<Map<string, Device[]>> {
      const filter: Prisma.DeviceWhereInput =
        by === 'hubId' ? { hubId: { in: [...ids] } } : { hub: { storeId: { in: [...ids] } } };
      const rows = (
        await db.device.findMany({ where: filter, include: withStore, orderBy: [{ label: 'asc' }, { id: 'asc' }] })
      ).map(toDevice);
      return groupBy(rows, (device) => (by === 'hubId' ? device.hubId : device.storeId!));
    },

    async page(filter: DeviceFilter, size: number, after: string | null): Promise<Device[]> {
      const cursor = after ? decodeCursor(after) : null;
      const afterCursor: Prisma.DeviceWhereInput = cursor
        ? { OR: [{ label: { gt: String(cursor[0]) } }, { label: String(cursor[0]), id: { gt: String(cursor[1]) } }] }
        : {};
      const rows = await db.device.findMany({
        where: { AND: [where(filter), afterCursor] },
        include: withStore,
        orderBy: [{ label: 'asc' }, { id: 'asc' }],
        take: size + 1,
      });
      return rows.map(toDevice);
    },

    count: (filter: DeviceFilter) => db.device.count({ where: where(filter) }),

    cursorOf: (device: Device) => encodeCursor([device.label, device.id]),

    async attributesOf(deviceIds: readonly string[]): Promise<Map<string, DeviceAttribute[]>> {
      const rows = await db.deviceAttribute.findMany({
        where: { deviceId: { in: [...deviceIds] } },
        orderBy: { name: 'asc' },
      });
      const grouped = groupBy(rows, (row) => row.deviceId);
      return new Map(
        [...grouped].map(([deviceId, list]) => [
          deviceId,
          list.map(({ name, value, unit, updatedAt }): DeviceAttribute => ({ name, value, unit, updatedAt })),
        ]),
      );
    },

    async currentAttributes(hubId: string): Promise<Map<string, Map<string, string | null>>> {
      const rows = await db.deviceAttribute.findMany({
        where: { device: { hubId } },
        select: { name: true, value: true, device: { select: { hubDeviceId: true } } },
      });
      const result = new Map<string, Map<string, string | null>>();
      for (const row of rows) {
        const attributes = result.get(row.device.hubDeviceId) ?? new Map<string, string | null>();
        attributes.set(row.name, row.value);
        result.set(row.device.hubDeviceId, attributes);
      }
      return result;
    },

    async knownCommands(hubId: string): Promise<Map<string, DeviceCommandSpec[]>> {
      const rows = await db.device.findMany({ where: { hubId }, select: { hubDeviceId: true, commands: true } });
      return new Map(rows.map((row) => [row.hubDeviceId, row.commands as unknown as DeviceCommandSpec[]]));
    },

    async replaceFromHub(hubId: string, devices: ImportedDevice[], now: Date): Promise<void> {
      await db.$transaction(
        async (tx) => {
          await tx.device.deleteMany({ where: { hubId, hubDeviceId: { notIn: devices.map((d) => d.hubDeviceId) } } });
          for (const { attributes, commands, ...description } of devices) {
            const data = { ...description, commands: commands as unknown as Prisma.InputJsonValue };
            const row = await tx.device.upsert({
              where: { hubId_hubDeviceId: { hubId, hubDeviceId: description.hubDeviceId } },
              create: { hubId, ...data },
              update: data,
            });
            await tx.deviceAttribute.createMany({
              data: Object.entries(attributes).map(([name, value]) => ({
                deviceId: row.id,
                name,
                value,
                updatedAt: now,
              })),
              skipDuplicates: true,
            });
          }
        },
        { timeout: 30_000, maxWait: 10_000 },
      );
    },

    async summaryForStore(storeId: string): Promise<{ hubs: number; devices: number }> {
      const [hubs, devices] = await Promise.all([
        db.hub.count({ where: { storeId } }),
        db.device.count({ where: { hub: { storeId } } }),
      ]);
      return { hubs, devices };
    },

    async countByAvailability(): Promise<{ devicesOnline: number; devicesTotal: number }> {
      const [devicesTotal, devicesOnline] = await Promise.all([
        db.device.count(),
        db.device.count({
          where: { hub: { status: 'ONLINE' }, attributes: { none: { name: 'healthStatus', value: 'offline' } } },
        }),
      ]);
      return { devicesOnline, devicesTotal };
    },
  };
}

function toDevice({ hub, commands, createdAt: _createdAt, updatedAt: _updatedAt, ...row }: DeviceRow): Device {
  return { ...row, commands: commands as unknown as DeviceCommandSpec[], storeId: hub.storeId };
}
