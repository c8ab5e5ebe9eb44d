import { ConflictError } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Household, HouseholdMember } from '../domain/types.ts';

export type HouseholdRepository = ReturnType<typeof createHouseholdRepository>;
export type Transaction = Prisma.TransactionClient;

export function createHouseholdRepository(db: PrismaClient) {
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

    /** Memberships of the given users (each in at most one household). */
    async membershipsOf(userIds: readonly string[]): Promise<HouseholdMember[]> {
      return db.householdMember.findMany({ where: { userId: { in: [...userIds] } } });
    },

    async members(householdId: string): Promise<HouseholdMember[]> {
      return db.householdMember.findMany({ where: { householdId }, orderBy: [{ role: 'asc' }, { addedAt: 'asc' }] });
    },

    /**
     * Creates a household with `ownerId` as its owner; `furnish` runs in the same transaction (the
     * demo data of the first household). A user already in a household is a CONFLICT.
     */
    async create(input: { name: string; timeZone: string; ownerId: string }, furnish?: (tx: Transaction, household: Household) => Promise<void>): Promise<Household> {
      return oneHouseholdPerUser(() =>
        db.$transaction(async (tx) => {
          const household = await tx.household.create({ data: { name: input.name, timeZone: input.timeZone, members: { create: { userId: input.ownerId, role: 'OWNER' } } } });
          await furnish?.(tx, household);
          return household;
        }),
      );
    },

    async addMember(householdId: string, userId: string): Promise<void> {
      await oneHouseholdPerUser(() => db.householdMember.create({ data: { householdId, userId, role: 'MEMBER' } }));
    },

    /** Removes a member (never the owner); returns whether someone was removed. */
    async removeMember(householdId: string, userId: string): Promise<boolean> {
      const { count } = await db.householdMember.deleteMany({ where: { householdId, userId, role: 'MEMBER' } });
      return count > 0;
    },
  };
}

/** A membership row is keyed by user: a second one for the same user is a unique violation. */
async function oneHouseholdPerUser<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new ConflictError('This user is already in a household', { field: 'userId' });
    throw error;
  }
}
