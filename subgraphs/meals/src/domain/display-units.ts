import { formatQuantity, unitName } from '@switchyard/shared/quantity-text';
import { countedFood, foodName } from './foods.ts';
import { toBaseAmount } from './units.ts';

/**
 * Amounts as people read them. Shopping items store exact totals (grams, millilitres, counts);
 * only what is shown is converted and rounded, in the household's measurement system.
 */
export type MeasurementSystem = 'METRIC' | 'US';

export interface Amount {
  quantity: number;
  unit: string | null;
}

const TSP_ML = toBaseAmount(1, 'tsp')!.amount;
const TBSP_ML = toBaseAmount(1, 'tbsp')!.amount;
const CUP_ML = toBaseAmount(1, 'cup')!.amount;
const QUART_ML = toBaseAmount(1, 'quart')!.amount;
const OZ_G = toBaseAmount(1, 'oz')!.amount;
const LB_G = toBaseAmount(1, 'lb')!.amount;

/** Below a quarter cup, every kitchen measures with spoons, metric or not. */
const SPOON_LIMIT_ML = CUP_ML / 4 - 0.5;

/**
 * An amount in the units a cook in `system` would buy and measure it in: 33 tsp of oil is ⅔ cup (US)
 * or 160 ml (metric), 1000 g is 1 kg, 93 g is 95 g. Units without a dimension (cans, cloves, counts)
 * are only rounded.
 */
export function displayAmount(quantity: number, unit: string | null, system: MeasurementSystem): Amount {
  const base = toBaseAmount(quantity, unit);
  if (!base) return { quantity: nearestFraction(quantity, [1, 2, 4], 1 / 4), unit };
  if (base.dimension === 'mass') return system === 'US' ? usMass(base.amount) : metricMass(base.amount);
  if (base.amount < SPOON_LIMIT_ML) return spoons(base.amount);
  return system === 'US' ? usVolume(base.amount) : metricVolume(base.amount);
}

function metricMass(grams: number): Amount {
  if (grams >= 995) return { quantity: roundTo(grams / 1000, 0.05), unit: 'kg' };
  return { quantity: roundMetric(grams), unit: 'g' };
}

function metricVolume(millilitres: number): Amount {
  if (millilitres >= 995) return { quantity: roundTo(millilitres / 1000, 0.05), unit: 'l' };
  return { quantity: roundMetric(millilitres), unit: 'ml' };
}

/** Steps that grow with the amount: 7 g, 95 g, 340 g, 725 g. */
function roundMetric(value: number): number {
  if (value < 1) return Math.max(0.1, roundTo(value, 0.1));
  const step = value < 20 ? 1 : value < 100 ? 5 : value < 500 ? 10 : 25;
  return roundTo(value, step);
}

function usMass(grams: number): Amount {
  const pounds = grams / LB_G;
  if (pounds >= 0.97) return { quantity: nearestFraction(pounds, [1, 2, 4], 1 / 4), unit: 'lb' };
  return { quantity: nearestFraction(grams / OZ_G, [1, 2, 4], 1 / 4), unit: 'oz' };
}

function usVolume(millilitres: number): Amount {
  if (millilitres >= 4 * CUP_ML - 1)
    return { quantity: nearestFraction(millilitres / QUART_ML, [1, 2, 4], 1 / 4), unit: 'quart' };
  return { quantity: nearestFraction(millilitres / CUP_ML, [1, 2, 3, 4], 1 / 4), unit: 'cup' };
}

function spoons(millilitres: number): Amount {
  if (millilitres >= TBSP_ML - 0.5)
    return { quantity: nearestFraction(millilitres / TBSP_ML, [1, 2, 3], 1 / 2), unit: 'tbsp' };
  return { quantity: nearestFraction(millilitres / TSP_ML, [1, 2, 4], 1 / 8), unit: 'tsp' };
}

function roundTo(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(2));
}

/**
 * The nearest whole number plus a fraction with one of `denominators` (a cook's ½, ⅓, ¼), whole
 * numbers from 10 up, and never less than `least`: something needed never rounds to nothing.
 */
export function nearestFraction(value: number, denominators: number[], least: number): number {
  if (value >= 10) return Math.round(value);
  const candidates = denominators.flatMap((d) => Array.from({ length: d + 1 }, (_, n) => n / d));
  const whole = Math.floor(value);
  const rest = candidates.reduce((best, c) =>
    Math.abs(value - whole - c) < Math.abs(value - whole - best) ? c : best,
  );
  return Math.max(least, Number((whole + rest).toFixed(4)));
}

/** A shopping item as one line: "⅔ cup olive oil", "1 kg beef mince", "5 onions", "salt". */
export function shoppingLabel(
  item: { food: string; quantity: number | null; unit: string | null },
  system: MeasurementSystem,
): string {
  if (item.quantity === null) return foodName(item.food);
  const { quantity, unit } = displayAmount(item.quantity, item.unit, system);
  const number = formatQuantity(quantity, unit);
  if (unit === null) return `${number} ${countedFood(item.food, quantity)}`;
  return `${number} ${unitName(unit, quantity)} ${foodName(item.food)}`;
}
