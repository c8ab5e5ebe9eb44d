import { foodKey } from './foods.ts';
import { applyPantry, type OnHand } from './pantry.ts';
import { buildShoppingList, type PlannedIngredient } from './shopping-list-builder.ts';
import { sourcesOf, type ShoppingSource } from './shopping-sources.ts';

export interface PlannedForList {
  entry: { servings: number; recipeId: string | null };
  recipe: { title: string; servings: number; ingredients: PlannedIngredient[] };
}

export interface GeneratedListLine {
  food: string;
  quantity: number | null;
  unit: string | null;
  category: string;
  note?: string | null;
  sources: ShoppingSource[];
}

/**
 * A list generated from the plan as the household keeps it: the builder's lines, each linked to
 * the recipes it came from, put in the aisle the household chose for its food, then reduced or
 * left off by what is on hand (the links keep what the recipes asked for).
 */
export function generateListLines(
  planned: PlannedForList[],
  pantry: OnHand[],
  foodAisles: Map<string, string>,
): GeneratedListLine[] {
  const recipes = planned.map(({ entry, recipe }) => ({
    recipe: { id: entry.recipeId ?? '', title: recipe.title },
    ingredients: recipe.ingredients,
    factor: entry.servings / recipe.servings,
  }));
  const lines = buildShoppingList(recipes).map((line) => ({
    ...line,
    category: foodAisles.get(foodKey(line.food)) ?? line.category,
    sources: sourcesOf(line, recipes),
  }));
  return applyPantry(lines, pantry);
}
