import { NotFoundError } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { MaintenanceInput } from '../domain/maintenance.ts';
import type { MaintenanceRepository } from './repositories.ts';

export function createMaintenanceRepository(db: PrismaClient): MaintenanceRepository {
  return {
    // Windows are few (a handful per store at most): every reader takes them all and lets the domain decide.
    windows: () => db.maintenanceWindow.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    findById: (id: string) => db.maintenanceWindow.findUnique({ where: { id } }),
    create: (input: MaintenanceInput, createdBy: string | null) =>
      db.maintenanceWindow.create({ data: { ...input, createdBy } }),
    async update(id: string, input: MaintenanceInput) {
      const { count } = await db.maintenanceWindow.updateMany({ where: { id }, data: input });
      if (count === 0) throw new NotFoundError('MaintenanceWindow', id);
      return db.maintenanceWindow.findUniqueOrThrow({ where: { id } });
    },
    delete: async (id: string) => (await db.maintenanceWindow.deleteMany({ where: { id } })).count === 1,
  };
}
