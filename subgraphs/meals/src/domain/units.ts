import { foodKey } from './foods.ts';

/**
 * Units of measure: the names the ingredient parser recognises, and how quantities convert within
 * a dimension. Volumes are US customary (a cup is 236.588 ml), what most recipe sites publish.
 */
export type Dimension = 'mass' | 'volume';

interface UnitDefinition {
  /** Canonical name stored on ingredients and shopping items. */
  name: string;
  aliases: string[];
  /** Grams or millilitres per unit; absent for units that only count (can, clove, pinch). */
  dimension?: Dimension;
  factor?: number;
}

const UNITS: UnitDefinition[] = [
  { name: 'g', aliases: ['g', 'gr', 'gram', 'grams', 'gramme', 'grammes'], dimension: 'mass', factor: 1 },
  { name: 'kg', aliases: ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms'], dimension: 'mass', factor: 1000 },
  { name: 'mg', aliases: ['mg', 'milligram', 'milligrams'], dimension: 'mass', factor: 0.001 },
  { name: 'oz', aliases: ['oz', 'ounce', 'ounces'], dimension: 'mass', factor: 28.3495 },
  { name: 'lb', aliases: ['lb', 'lbs', 'pound', 'pounds'], dimension: 'mass', factor: 453.592 },
  {
    name: 'ml',
    aliases: ['ml', 'milliliter', 'milliliters', 'millilitre', 'millilitres', 'cc'],
    dimension: 'volume',
    factor: 1,
  },
  {
    name: 'cl',
    aliases: ['cl', 'centiliter', 'centiliters', 'centilitre', 'centilitres'],
    dimension: 'volume',
    factor: 10,
  },
  {
    name: 'dl',
    aliases: ['dl', 'deciliter', 'deciliters', 'decilitre', 'decilitres'],
    dimension: 'volume',
    factor: 100,
  },
  { name: 'l', aliases: ['l', 'liter', 'liters', 'litre', 'litres', 'ltr'], dimension: 'volume', factor: 1000 },
  { name: 'tsp', aliases: ['tsp', 'tsps', 'teaspoon', 'teaspoons', 't', 'tsp.'], dimension: 'volume', factor: 4.92892 },
  {
    name: 'tbsp',
    aliases: ['tbsp', 'tbsps', 'tablespoon', 'tablespoons', 'tbs', 'tbl', 'tbsp.', 'T'],
    dimension: 'volume',
    factor: 14.7868,
  },
  {
    name: 'fl oz',
    aliases: ['fl oz', 'fl. oz.', 'fl.oz', 'fluid ounce', 'fluid ounces'],
    dimension: 'volume',
    factor: 29.5735,
  },
  { name: 'cup', aliases: ['cup', 'cups', 'c'], dimension: 'volume', factor: 236.588 },
  { name: 'pint', aliases: ['pint', 'pints', 'pt'], dimension: 'volume', factor: 473.176 },
  { name: 'quart', aliases: ['quart', 'quarts', 'qt'], dimension: 'volume', factor: 946.353 },
  { name: 'can', aliases: ['can', 'cans', 'tin', 'tins'] },
  { name: 'clove', aliases: ['clove', 'cloves'] },
  { name: 'pinch', aliases: ['pinch', 'pinches'] },
  { name: 'dash', aliases: ['dash', 'dashes'] },
  { name: 'bunch', aliases: ['bunch', 'bunches'] },
  { name: 'sprig', aliases: ['sprig', 'sprigs'] },
  { name: 'slice', aliases: ['slice', 'slices'] },
  { name: 'stick', aliases: ['stick', 'sticks'] },
  { name: 'head', aliases: ['head', 'heads'] },
  { name: 'handful', aliases: ['handful', 'handfuls'] },
  { name: 'package', aliases: ['package', 'packages', 'pkg', 'packet', 'packets', 'pack', 'packs'] },
  { name: 'jar', aliases: ['jar', 'jars'] },
  { name: 'stalk', aliases: ['stalk', 'stalks'] },
  { name: 'piece', aliases: ['piece', 'pieces', 'pc', 'pcs'] },
];

/** Lower-case alias -> unit; `T` (tablespoon) versus `t` (teaspoon) is the one case-sensitive pair. */
const BY_ALIAS = new Map<string, UnitDefinition>();
for (const unit of UNITS)
  for (const alias of unit.aliases) BY_ALIAS.set(alias === 'T' ? alias : alias.toLowerCase(), unit);

/** Longest aliases first, so `fl oz` wins over `fl` and `tbsp.` over `tbsp`. */
export const UNIT_ALIASES = [...BY_ALIAS.keys()].sort((a, b) => b.length - a.length);

export function findUnit(word: string): string | null {
  return (BY_ALIAS.get(word) ?? BY_ALIAS.get(word.toLowerCase()))?.name ?? null;
}

export function dimensionOf(unit: string | null): Dimension | null {
  return (unit && UNITS.find((u) => u.name === unit)?.dimension) || null;
}

/** Grams or millilitres in `quantity` of `unit`; null when the unit has no dimension. */
export function toBaseAmount(quantity: number, unit: string | null): { dimension: Dimension; amount: number } | null {
  const definition = unit ? UNITS.find((u) => u.name === unit) : undefined;
  if (!definition?.dimension || definition.factor === undefined) return null;
  return { dimension: definition.dimension, amount: quantity * definition.factor };
}

/**
 * Grams per millilitre of common dry goods and butter, so that "1 cup flour" and "200 g flour" land
 * on one line. Only foods listed here are converted from volume to mass; for anything else a
 * volume stays a volume (a cup of spinach weighs anything from 30 to 90 g).
 * Sources: King Arthur Baking's ingredient weight chart, USDA FoodData Central.
 */
const DENSITY_G_PER_ML = new Map(
  Object.entries({
    flour: 0.51, // 1 cup ≈ 120 g
    'all-purpose flour': 0.51,
    'plain flour': 0.51,
    'bread flour': 0.54,
    'whole wheat flour': 0.51,
    sugar: 0.85, // 1 cup ≈ 200 g
    'white sugar': 0.85,
    'granulated sugar': 0.85,
    'caster sugar': 0.85,
    'brown sugar': 0.93,
    'powdered sugar': 0.51,
    'icing sugar': 0.51,
    butter: 0.96,
    rice: 0.85,
    'rolled oats': 0.38,
    oats: 0.38,
    'cocoa powder': 0.36,
  }).map(([food, density]) => [foodKey(food), density]),
);

/** Grams per millilitre of a food (by its key), or null when it is not in the table. */
export function densityOf(key: string): number | null {
  return DENSITY_G_PER_ML.get(key) ?? null;
}
