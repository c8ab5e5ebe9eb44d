import { addDays, toDbDate } from '../domain/dates.ts';
import { DEMO_RECIPES, DEMO_WEEK } from '../domain/demo-recipes.ts';
import type { Household, Recipe } from '../domain/types.ts';
import type { Transaction } from './household-repository.ts';
import { insertRecipe } from './recipe-repository.ts';

/** Writes the demo recipes and a planned week (starting `weekStart`) into a new household, inside its creating transaction. */
export async function seedDemoData(
  tx: Transaction,
  household: Household,
  ownerId: string,
  weekStart: string,
): Promise<void> {
  const created: Recipe[] = [];
  for (const recipe of DEMO_RECIPES) created.push(await insertRecipe(tx, household.id, ownerId, recipe));
  await tx.mealPlanEntry.createMany({
    data: DEMO_WEEK.map(({ day, slot, recipe }) => ({
      householdId: household.id,
      date: toDbDate(addDays(weekStart, day)),
      slot,
      recipeId: created[recipe]!.id,
      servings: created[recipe]!.servings,
    })),
  });
}
