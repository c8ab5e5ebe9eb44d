import { ConflictError, NotFoundError, entityById, idempotent, type IdempotencyRequest } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Household, HouseholdMember, MeasurementSystem } from '../domain/types.ts';
import { seedDemoData } from './demo-data-repository.ts';
import type { HouseholdRepository } from './repositories.ts';

export type Transaction = Prisma.TransactionClient;

export function createHouseholdRepository(db: PrismaClient): HouseholdRepository {
  return {
    async findById(id: string): Promise<Household | null> {
      return db.household.findUnique({ where: { id } });
    },

    async findAll(): Promise<Household[]> {
      return db.household.findMany({ orderBy: { createdAt: 'asc' } });
    },

    async count(): Promise<number> {
      return db.household.count();
    },

    async membershipsOf(userIds: readonly string[]): Promise<HouseholdMember[]> {
      return db.householdMember.findMany({ where: { userId: { in: [...userIds] } } });
    },

    async members(householdId: string): Promise<HouseholdMember[]> {
      return db.householdMember.findMany({ where: { householdId }, orderBy: [{ role: 'asc' }, { addedAt: 'asc' }] });
    },

    async create(
      input: { name: string; timeZone: string; ownerId: string },
      demoWeekStart: string | null,
      idempotency: IdempotencyRequest | null = null,
    ) {
      return oneHouseholdPerUser(() =>
        db.$transaction((tx) =>
          idempotent(
            tx,
            idempotency,
            async () => {
              const household = await tx.household.create({
                data: {
                  name: input.name,
                  timeZone: input.timeZone,
                  members: { create: { userId: input.ownerId, role: 'OWNER' } },
                },
              });
              if (demoWeekStart) await seedDemoData(tx, household, input.ownerId, demoWeekStart);
              return household;
            },
            createdHousehold,
          ),
        ),
      );
    },

    async setUnits(id: string, units: MeasurementSystem): Promise<Household | null> {
      const { count } = await db.household.updateMany({ where: { id }, data: { units } });
      return count ? db.household.findUnique({ where: { id } }) : null;
    },

    async addMember(householdId: string, userId: string): Promise<void> {
      await oneHouseholdPerUser(() => db.householdMember.create({ data: { householdId, userId, role: 'MEMBER' } }));
    },

    async removeMember(householdId: string, userId: string): Promise<boolean> {
      const { count } = await db.householdMember.deleteMany({ where: { householdId, userId, role: 'MEMBER' } });
      return count > 0;
    },
  };
}

const createdHousehold = entityById<Household>(
  (id, tx) => (tx as Transaction).household.findUnique({ where: { id } }),
  (id) => new NotFoundError('Household', id),
);

/** A membership row is keyed by user: a second one for the same user is a unique violation. */
async function oneHouseholdPerUser<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new ConflictError('This user is already in a household', { field: 'userId' });
    throw error;
  }
}
