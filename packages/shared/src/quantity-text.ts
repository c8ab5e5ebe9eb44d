// How a cook writes an amount, shared by meals' shopping labels (written by the API) and the web's
// recipe pages, so the two never read differently.

const GLYPHS: [number, string][] = [
  [1 / 8, '⅛'],
  [1 / 4, '¼'],
  [1 / 3, '⅓'],
  [3 / 8, '⅜'],
  [1 / 2, '½'],
  [5 / 8, '⅝'],
  [2 / 3, '⅔'],
  [3 / 4, '¾'],
  [7 / 8, '⅞'],
];

const METRIC_UNITS = new Set(['g', 'kg', 'mg', 'ml', 'cl', 'dl', 'l']);

const UNIT_PLURALS: Record<string, string> = {
  cup: 'cups',
  quart: 'quarts',
  pint: 'pints',
  can: 'cans',
  clove: 'cloves',
  pinch: 'pinches',
  dash: 'dashes',
  bunch: 'bunches',
  sprig: 'sprigs',
  slice: 'slices',
  stick: 'sticks',
  head: 'heads',
  handful: 'handfuls',
  package: 'packages',
  jar: 'jars',
  stalk: 'stalks',
  piece: 'pieces',
};

/**
 * 1.5 → "1½", 0.25 → "¼", 1.25 kg → "1.25", 0.07 → "0.07": fractions as glyphs in spoons, cups and
 * counts, decimals in metric units.
 */
export function formatQuantity(quantity: number, unit: string | null = null): string {
  const whole = Math.floor(quantity);
  const rest = quantity - whole;
  if (rest < 0.005) return String(whole);
  const glyph = GLYPHS.find(([value]) => Math.abs(value - rest) < 0.005)?.[1];
  if (glyph && !(unit !== null && METRIC_UNITS.has(unit))) return whole === 0 ? glyph : `${whole}${glyph}`;
  return String(Number(quantity.toFixed(2)));
}

/** "cup" for one, "cups" for more; units without a plural (g, tsp) stay as they are. */
export function unitName(unit: string, quantity: number): string {
  return quantity > 1 ? (UNIT_PLURALS[unit] ?? unit) : unit;
}
