import type { PrismaClient } from '../generated/prisma/client.ts';
import { DEFAULT_AISLES } from '../domain/aisles.ts';
import type { AisleRepository } from './repositories.ts';

export function createAisleRepository(db: PrismaClient): AisleRepository {
  return {
    async aisles(householdId: string): Promise<string[]> {
      const row = await db.householdAisleOrder.findUnique({ where: { householdId } });
      return row?.aisles.length ? row.aisles : [...DEFAULT_AISLES];
    },

    async setAisles(householdId: string, aisles: string[]): Promise<void> {
      await db.householdAisleOrder.upsert({
        where: { householdId },
        create: { householdId, aisles },
        update: { aisles },
      });
    },

    async foodAisles(householdId: string, keys: string[] | null): Promise<Map<string, string>> {
      const rows = await db.foodAisle.findMany({
        where: keys === null ? { householdId } : { householdId, foodKey: { in: keys } },
      });
      return new Map(rows.map((row) => [row.foodKey, row.aisle]));
    },

    async rememberFoodAisle(householdId: string, foodKey: string, aisle: string): Promise<void> {
      await db.foodAisle.upsert({
        where: { householdId_foodKey: { householdId, foodKey } },
        create: { householdId, foodKey, aisle },
        update: { aisle },
      });
    },
  };
}
