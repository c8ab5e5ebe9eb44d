import type { EntryInput, MealPlanEntry, Recipe } from './types.ts';

export interface SuggestionRules {
  tag: string | null;
  maxTotalMinutes: number | null;
}

type Candidate = Pick<Recipe, 'id' | 'servings' | 'tags' | 'prepMinutes' | 'cookMinutes'>;

/**
 * Dinners for the week's empty dinner slots: recipes matching the rules, none planned recently
 * (`recent`) and none twice in the week. When there are fewer such recipes than empty slots, the
 * remaining slots stay empty rather than repeating a meal. `pick` chooses among candidates
 * (random in production, deterministic in tests).
 */
export function suggestDinners(
  days: string[],
  planned: MealPlanEntry[],
  candidates: Candidate[],
  recent: Set<string>,
  rules: SuggestionRules,
  pick: (count: number) => number = (count) => Math.floor(Math.random() * count),
): EntryInput[] {
  const taken = new Set(planned.map((entry) => entry.recipeId).filter(Boolean));
  const pool = candidates.filter(
    (recipe) =>
      !recent.has(recipe.id) &&
      !taken.has(recipe.id) &&
      (!rules.tag || recipe.tags.includes(rules.tag.toLowerCase())) &&
      (rules.maxTotalMinutes === null ||
        (recipe.prepMinutes ?? 0) + (recipe.cookMinutes ?? 0) <= rules.maxTotalMinutes),
  );
  const emptyDays = days.filter((date) => !planned.some((entry) => entry.date === date && entry.slot === 'DINNER'));
  return emptyDays.flatMap((date) => {
    if (pool.length === 0) return [];
    const [recipe] = pool.splice(pick(pool.length), 1);
    return [{ date, slot: 'DINNER' as const, recipeId: recipe!.id, servings: recipe!.servings, note: null }];
  });
}
