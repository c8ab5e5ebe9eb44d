import { ConflictError } from '@switchyard/shared';
import type { PantryItem as PantryRow, PrismaClient } from '../generated/prisma/client.ts';
import { foodKey } from '../domain/foods.ts';
import type { PantryInput, PantryItem, PantryRepository } from './repositories.ts';

export function createPantryRepository(db: PrismaClient): PantryRepository {
  return {
    async list(householdId: string): Promise<PantryItem[]> {
      return (await db.pantryItem.findMany({ where: { householdId }, orderBy: [{ foodKey: 'asc' }] })).map(
        toPantryItem,
      );
    },

    async findById(id: string): Promise<PantryItem | null> {
      const row = await db.pantryItem.findUnique({ where: { id } });
      return row ? toPantryItem(row) : null;
    },

    async add(householdId: string, input: PantryInput): Promise<PantryItem> {
      return oneItemPerFood(async () =>
        toPantryItem(await db.pantryItem.create({ data: { householdId, ...input, foodKey: foodKey(input.food) } })),
      );
    },

    async update(id: string, input: PantryInput): Promise<PantryItem> {
      return oneItemPerFood(async () =>
        toPantryItem(await db.pantryItem.update({ where: { id }, data: { ...input, foodKey: foodKey(input.food) } })),
      );
    },

    async remove(id: string): Promise<void> {
      await db.pantryItem.delete({ where: { id } });
    },

    async recipeFoods(householdId: string) {
      return db.recipe.findMany({
        where: { householdId },
        select: { id: true, title: true, ingredients: { select: { food: true } } },
      });
    },
  };
}

/** The unique (household, food key) keeps one entry per food, also when two members add it at once. */
async function oneItemPerFood<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new ConflictError('This food is already in the pantry: change that entry instead', { field: 'input.food' });
    throw error;
  }
}

function toPantryItem(row: PantryRow): PantryItem {
  const { foodKey: _key, createdAt: _created, quantity, ...item } = row;
  return { ...item, quantity: quantity === null ? null : Number(quantity) };
}
