import { CATEGORIES } from './foods.ts';

/** A household without its own order shops in the default categories' order. */
export const DEFAULT_AISLES: readonly string[] = CATEGORIES;
export const MAX_AISLES = 40;
export const MAX_AISLE_LENGTH = 40;

/**
 * Checks and tidies an aisle list: names trimmed, 1 to 40 characters, at most 40 aisles, no name
 * twice (ignoring case). Returns the problem as a message, or the tidy list.
 */
export function normaliseAisles(aisles: string[]): { aisles: string[] } | { error: string } {
  const tidy = aisles.map((aisle) => aisle.replace(/\s+/g, ' ').trim());
  if (tidy.length === 0) return { error: 'Give at least one aisle' };
  if (tidy.length > MAX_AISLES) return { error: `At most ${MAX_AISLES} aisles` };
  const seen = new Set<string>();
  for (const aisle of tidy) {
    if (aisle.length === 0 || aisle.length > MAX_AISLE_LENGTH)
      return { error: `Each aisle is 1 to ${MAX_AISLE_LENGTH} characters` };
    if (seen.has(aisle.toLowerCase())) return { error: `"${aisle}" is listed twice` };
    seen.add(aisle.toLowerCase());
  }
  return { aisles: tidy };
}

/** The aisle name as the household writes it, or null when it has no such aisle (matched ignoring case). */
export function findAisle(aisles: readonly string[], name: string): string | null {
  const wanted = name.replace(/\s+/g, ' ').trim().toLowerCase();
  return aisles.find((aisle) => aisle.toLowerCase() === wanted) ?? null;
}

/**
 * Items in the household's aisle order (stable within an aisle); items in an aisle the household
 * no longer has come last, in the order of their aisle's name.
 */
export function sortByAisle<T extends { category: string }>(items: T[], aisles: readonly string[]): T[] {
  const rank = new Map(aisles.map((aisle, index) => [aisle.toLowerCase(), index]));
  const at = (item: T) => rank.get(item.category.toLowerCase()) ?? aisles.length;
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        at(a.item) - at(b.item) ||
        (at(a.item) === aisles.length ? a.item.category.localeCompare(b.item.category) : 0) ||
        a.index - b.index,
    )
    .map(({ item }) => item);
}
