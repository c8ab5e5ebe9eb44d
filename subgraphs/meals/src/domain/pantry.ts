import { formatQuantity, unitName } from '@switchyard/shared/quantity-text';
import { foodKey, foodName } from './foods.ts';
import { toBaseAmount } from './units.ts';

/** A food the household has on hand; no quantity means "enough of it". */
export interface OnHand {
  food: string;
  quantity: number | null;
  unit: string | null;
}

/** A generated line after the pantry: possibly reduced, with a note saying what is on hand. */
export type PantryAdjustedLine<T extends ListLine> = T & { note?: string | null };

/** What the pantry looks at in a line of a generated list. */
interface ListLine {
  food: string;
  quantity: number | null;
  unit: string | null;
}

/**
 * Foods every kitchen is assumed to have when answering "what can I make": they never count as
 * missing. Generated lists still list them (a household that is out of salt wants to know); only a
 * pantry entry removes them from a list.
 */
export const STAPLES = ['water', 'salt', 'pepper', 'black pepper', 'sea salt', 'salt and pepper'] as const;
const STAPLE_KEYS = new Set<string>(STAPLES.map((food) => foodKey(food)));

export function isStaple(food: string): boolean {
  return STAPLE_KEYS.has(foodKey(food));
}

/** "2 on hand", "500 g on hand". */
export function onHandNote(item: OnHand): string {
  if (item.quantity === null) return 'on hand';
  const number = formatQuantity(item.quantity, item.unit);
  return item.unit ? `${number} ${unitName(item.unit, item.quantity)} on hand` : `${number} on hand`;
}

/** The same amount in the other's unit when both are in one dimension (or both plain counts / the same unit). */
function inUnitOf(item: OnHand & { quantity: number }, unit: string | null): number | null {
  if (item.unit === unit) return item.quantity;
  const have = toBaseAmount(item.quantity, item.unit);
  const per = toBaseAmount(1, unit);
  if (!have || !per || have.dimension !== per.dimension) return null;
  return have.amount / per.amount;
}

/**
 * A generated list after the pantry: a food on hand without a quantity is left off; one with a
 * quantity in a convertible unit (same dimension, or the same unit) reduces the line, which is left
 * off when nothing remains, and otherwise notes what is on hand ("2 on hand"). An amount in a unit
 * that does not convert (a can against grams) leaves the line as it is, with the note.
 * Lines for a food with no amount are left off by any pantry entry of that food.
 */
export function applyPantry<T extends ListLine>(lines: T[], pantry: OnHand[]): PantryAdjustedLine<T>[] {
  const byKey = new Map(pantry.map((item) => [foodKey(item.food), item]));
  const out: PantryAdjustedLine<T>[] = [];
  for (const line of lines) {
    const have = byKey.get(foodKey(line.food));
    if (!have) {
      out.push(line);
      continue;
    }
    if (have.quantity === null || line.quantity === null) continue;
    const onHand = inUnitOf({ ...have, quantity: have.quantity }, line.unit);
    if (onHand === null) {
      out.push({ ...line, note: onHandNote(have) });
      continue;
    }
    const remaining = Number((line.quantity - onHand).toFixed(4));
    if (remaining <= 0) continue;
    out.push({ ...line, quantity: remaining, note: onHandNote(have) });
  }
  return out;
}

export interface RecipeForMatching {
  id: string;
  title: string;
  ingredients: { food: string }[];
}

export interface RecipeMatch<R> {
  recipe: R;
  /** Foods of the recipe neither on hand nor staples, as the recipe names them, once each. */
  missing: string[];
}

/**
 * Recipes that can be made from what is on hand (by food, whatever the amounts), or with at most
 * `maxMissing` foods missing; fewest missing first, then by title. Staples count as on hand.
 */
export function whatCanIMake<R extends RecipeForMatching>(
  recipes: R[],
  pantry: { food: string }[],
  maxMissing: number,
): RecipeMatch<R>[] {
  const have = new Set(pantry.map((item) => foodKey(item.food)));
  const matches: RecipeMatch<R>[] = [];
  for (const recipe of recipes) {
    const missing = new Map<string, string>();
    for (const { food } of recipe.ingredients) {
      const key = foodKey(food);
      if (!have.has(key) && !STAPLE_KEYS.has(key) && !missing.has(key)) missing.set(key, foodName(food));
    }
    if (recipe.ingredients.length > 0 && missing.size <= maxMissing)
      matches.push({ recipe, missing: [...missing.values()] });
  }
  return matches.sort((a, b) => a.missing.length - b.missing.length || a.recipe.title.localeCompare(b.recipe.title));
}
