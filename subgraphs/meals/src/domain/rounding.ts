import { dimensionOf } from './units.ts';

const METRIC = new Set(['g', 'kg', 'mg', 'ml', 'cl', 'dl', 'l']);
const FRACTIONS = [0, 1 / 8, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 1];

/**
 * Rounds a computed amount the way a cook would write it: metric amounts to a precision that
 * grows with the size (7.5 g, 45 g, 335 g, 1.25 kg), cups, spoons and pieces to the nearest
 * eighth, quarter or third below 10 and to whole numbers above.
 */
export function roundQuantity(quantity: number, unit: string | null): number {
  if (quantity <= 0) return 0;
  if (unit && METRIC.has(unit)) return roundMetric(quantity);
  if (quantity >= 10) return Math.round(quantity);
  const whole = Math.floor(quantity);
  const fraction = FRACTIONS.reduce((best, candidate) =>
    Math.abs(quantity - whole - candidate) < Math.abs(quantity - whole - best) ? candidate : best,
  );
  const rounded = whole + fraction;
  // Never round a non-zero amount of something countable down to nothing.
  if (rounded === 0) return dimensionOf(unit) ? 1 / 8 : 1;
  return Number(rounded.toFixed(4));
}

function roundMetric(quantity: number): number {
  if (quantity < 1) return Number(quantity.toFixed(2));
  if (quantity < 10) return Math.round(quantity * 2) / 2;
  if (quantity < 100) return Math.round(quantity);
  if (quantity < 1000) return Math.round(quantity / 5) * 5;
  return Math.round(quantity / 10) * 10;
}

/** Scales ingredient amounts from the recipe's servings to `servings`; amounts that are null stay null. */
export function scaleIngredients<T extends { quantity: number | null; unit: string | null }>(
  ingredients: T[],
  from: number,
  to: number,
): T[] {
  const factor = to / from;
  return ingredients.map((ingredient) =>
    ingredient.quantity === null
      ? ingredient
      : { ...ingredient, quantity: roundQuantity(ingredient.quantity * factor, ingredient.unit) },
  );
}
