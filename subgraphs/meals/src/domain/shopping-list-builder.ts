import { CATEGORIES, categoryOf, foodKey, foodName, type Category } from './foods.ts';
import { densityOf, toBaseAmount } from './units.ts';

export interface PlannedIngredient {
  food: string;
  quantity: number | null;
  unit: string | null;
}

/** One recipe as planned: its ingredients and how many times its yield the plan asks for. */
export interface PlannedRecipe {
  ingredients: PlannedIngredient[];
  factor: number;
}

export interface ShoppingLine {
  food: string;
  quantity: number | null;
  unit: string | null;
  category: Category;
}

interface FoodTotals {
  food: string;
  grams: number;
  millilitres: number;
  /** Amounts in units without a dimension (cans, cloves) and plain counts (unit null). */
  counts: Map<string | null, number>;
  unquantified: boolean;
}

/**
 * Builds a shopping list from planned recipes: one line per food and dimension, masses in grams,
 * volumes in millilitres, volumes of foods with a known density turned into grams, other units
 * summed as they are; a food named without an amount appears once, and only when no line gives it
 * an amount. Foods merge by name without plurals and size words ("2 large onions" and "3 onion").
 * Totals stay exact: rounding and units for people are the display's (`display-units.ts`).
 * Lines come grouped by aisle.
 */
export function buildShoppingList(recipes: PlannedRecipe[]): ShoppingLine[] {
  const byFood = new Map<string, FoodTotals>();
  for (const { ingredients, factor } of recipes) {
    for (const ingredient of ingredients) {
      const key = foodKey(ingredient.food);
      const totals = byFood.get(key) ?? {
        food: foodName(ingredient.food),
        grams: 0,
        millilitres: 0,
        counts: new Map(),
        unquantified: false,
      };
      byFood.set(key, totals);
      add(totals, ingredient, factor);
    }
  }
  const lines = [...byFood.entries()].flatMap(([key, totals]) => linesOf(key, totals));
  return lines.sort(
    (a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || a.food.localeCompare(b.food),
  );
}

function add(totals: FoodTotals, { quantity, unit }: PlannedIngredient, factor: number): void {
  if (quantity === null) {
    totals.unquantified = true;
    return;
  }
  const amount = quantity * factor;
  const base = toBaseAmount(amount, unit);
  if (base?.dimension === 'mass') totals.grams += base.amount;
  else if (base?.dimension === 'volume') totals.millilitres += base.amount;
  else totals.counts.set(unit, (totals.counts.get(unit) ?? 0) + amount);
}

function linesOf(key: string, totals: FoodTotals): ShoppingLine[] {
  const line = (quantity: number, unit: string | null): ShoppingLine => ({
    food: totals.food,
    quantity,
    unit,
    category: categoryOf(totals.food, unit),
  });
  const density = densityOf(key);
  let { grams, millilitres } = totals;
  if (density !== null && millilitres > 0) {
    grams += millilitres * density;
    millilitres = 0;
  }
  const lines: ShoppingLine[] = [];
  if (grams > 0) lines.push(line(grams, 'g'));
  if (millilitres > 0) lines.push(line(millilitres, 'ml'));
  for (const [unit, quantity] of totals.counts) if (quantity > 0) lines.push(line(quantity, unit));
  if (lines.length === 0 && totals.unquantified)
    lines.push({ food: totals.food, quantity: null, unit: null, category: categoryOf(totals.food) });
  return lines;
}

/** Planned meals as the builder takes them: each recipe scaled from its own servings to the planned ones. */
export function plannedForShopping(
  planned: { entry: { servings: number }; recipe: { servings: number; ingredients: PlannedIngredient[] } }[],
): PlannedRecipe[] {
  return planned.map(({ entry, recipe }) => ({
    ingredients: recipe.ingredients,
    factor: entry.servings / recipe.servings,
  }));
}
