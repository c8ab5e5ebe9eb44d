import { foodKey } from './foods.ts';
import type { PlannedIngredient } from './shopping-list-builder.ts';
import { densityOf, toBaseAmount } from './units.ts';

/** A planned recipe with what the links of its shopping lines name. */
export interface SourceRecipe {
  recipe: { id: string; title: string };
  ingredients: PlannedIngredient[];
  factor: number;
}

/** How much of a shopping line one recipe asks for, in the line's unit (null for a line without an amount). */
export interface ShoppingSource {
  recipeId: string;
  title: string;
  quantity: number | null;
  unit: string | null;
}

/**
 * The recipes behind one line the builder made, with each one's share in the line's unit: a line
 * in grams counts the recipe's masses (and volumes of foods with a known density, as the builder
 * does), one in millilitres its volumes, one in another unit that unit, one without an amount the
 * recipe's unquantified mentions. A recipe planned twice appears once with its shares added up.
 */
export function sourcesOf(
  line: { food: string; quantity: number | null; unit: string | null },
  planned: SourceRecipe[],
): ShoppingSource[] {
  const key = foodKey(line.food);
  const density = densityOf(key);
  const byRecipe = new Map<string, ShoppingSource>();
  for (const { recipe, ingredients, factor } of planned) {
    for (const ingredient of ingredients) {
      if (foodKey(ingredient.food) !== key) continue;
      const share = shareOf(ingredient, factor, line, density);
      if (share === undefined) continue;
      const seen = byRecipe.get(recipe.id);
      if (seen) seen.quantity = seen.quantity === null || share === null ? seen.quantity : seen.quantity + share;
      else byRecipe.set(recipe.id, { recipeId: recipe.id, title: recipe.title, quantity: share, unit: line.unit });
    }
  }
  return [...byRecipe.values()].map((source) => ({
    ...source,
    quantity: source.quantity === null ? null : Number(source.quantity.toFixed(4)),
  }));
}

/** The ingredient's amount in the line's unit; undefined when it did not go into this line. */
function shareOf(
  { quantity, unit }: PlannedIngredient,
  factor: number,
  line: { quantity: number | null; unit: string | null },
  density: number | null,
): number | null | undefined {
  if (line.quantity === null) return quantity === null ? null : undefined;
  if (quantity === null) return undefined;
  const amount = quantity * factor;
  const base = toBaseAmount(amount, unit);
  if (line.unit === 'g') {
    if (base?.dimension === 'mass') return base.amount;
    if (base?.dimension === 'volume' && density !== null) return base.amount * density;
    return undefined;
  }
  if (line.unit === 'ml') return base?.dimension === 'volume' && density === null ? base.amount : undefined;
  return base === null && unit === line.unit ? amount : undefined;
}
