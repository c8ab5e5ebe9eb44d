import { formatQuantity, unitName } from '@switchyard/shared/quantity-text';
import { displayAmount, type MeasurementSystem } from './display-units.ts';
import { foodKey } from './foods.ts';
import { densityOf, dimensionOf, toBaseAmount } from './units.ts';

/** An ingredient's amount as a reader in one measurement system sees it. */
export interface RecipeAmount {
  quantity: number;
  unit: string | null;
  /** e.g. "240 g", "⅔ cup", "2". */
  text: string;
  /** False when the recipe's own amount already reads well in the system and is shown as written. */
  converted: boolean;
}

const METRIC_UNITS = new Set(['g', 'kg', 'mg', 'ml', 'cl', 'dl', 'l']);
const US_UNITS = new Set(['oz', 'lb', 'fl oz', 'cup', 'pint', 'quart']);
/** Spoons are measured the same way in both systems. */
const SPOONS = new Set(['tsp', 'tbsp']);

/**
 * An ingredient amount in `system`, converted with the same rules as shopping list labels
 * (`displayAmount`): only when its unit belongs to the other system. Spoons, counts and units without
 * a dimension (cans, cloves) stay as written. Foods in the density table cross from volume to mass
 * the way each system measures them: a metric cook weighs "2 cups flour" (240 g), a US cook measures
 * "120 g flour" in cups (1 cup).
 */
export function recipeAmount(
  quantity: number,
  unit: string | null,
  food: string,
  system: MeasurementSystem,
): RecipeAmount {
  const own = system === 'METRIC' ? METRIC_UNITS : US_UNITS;
  if (!unit || SPOONS.has(unit) || !dimensionOf(unit) || own.has(unit)) return amount(quantity, unit, false);
  const base = toBaseAmount(quantity, unit)!;
  const density = densityOf(foodKey(food));
  if (density !== null && system === 'METRIC' && base.dimension === 'volume') {
    const shown = displayAmount(base.amount * density, 'g', system);
    return amount(shown.quantity, shown.unit, true);
  }
  if (density !== null && system === 'US' && base.dimension === 'mass') {
    const shown = displayAmount(base.amount / density, 'ml', system);
    return amount(shown.quantity, shown.unit, true);
  }
  const shown = displayAmount(quantity, unit, system);
  return amount(shown.quantity, shown.unit, true);
}

function amount(quantity: number, unit: string | null, converted: boolean): RecipeAmount {
  const number = formatQuantity(quantity, unit);
  return { quantity, unit, text: unit ? `${number} ${unitName(unit, quantity)}` : number, converted };
}
