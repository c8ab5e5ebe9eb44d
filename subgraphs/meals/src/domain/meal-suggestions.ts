import type { EntryInput, MealPlanEntry, Recipe } from './types.ts';

export interface SuggestionRules {
  tag: string | null;
  maxTotalMinutes: number | null;
}

type Candidate = Pick<Recipe, 'id' | 'servings' | 'tags' | 'prepMinutes' | 'cookMinutes'>;

/** Tags (recipe categories of imported pages, labels typed by people) that make a recipe a dinner. */
const DINNER_TAGS = new Set(['dinner', 'supper', 'main', 'main course', 'main dish', 'mains', 'entree', 'entrée']);
/** Tags of other meals and courses: a recipe with one of these and no dinner tag is not a dinner. */
const OTHER_MEAL_TAGS = new Set([
  'breakfast',
  'brunch',
  'dessert',
  'desserts',
  'snack',
  'snacks',
  'drink',
  'drinks',
  'beverage',
  'cocktail',
  'smoothie',
  'side',
  'side dish',
  'sides',
  'appetizer',
  'starter',
  'baking',
  'cake',
  'cookies',
  'sauce',
  'condiment',
]);

/**
 * Whether a recipe can be a dinner: not one tagged only for another meal or course. A recipe
 * tagged for dinner as well (brunch and dinner) is.
 */
export function isDinnerRecipe(tags: string[]): boolean {
  const lower = tags.map((tag) => tag.toLowerCase());
  return lower.some((tag) => DINNER_TAGS.has(tag)) || !lower.some((tag) => OTHER_MEAL_TAGS.has(tag));
}

const taggedDinner = (recipe: Candidate) => recipe.tags.some((tag) => DINNER_TAGS.has(tag.toLowerCase()));

/**
 * Dinners for the week's empty dinner slots: dinner recipes (see isDinnerRecipe) matching the rules,
 * none planned recently (`recent`) and none twice in the week, those tagged for dinner first. Each
 * is planned for everyone in the household (`eaters`), or for the recipe's own yield when it makes
 * more: a one-serving recipe becomes dinner for three, scaled. When there are fewer such recipes
 * than empty slots, the remaining slots stay empty rather than repeating a meal. `pick` chooses
 * among equally good candidates (random in production, deterministic in tests).
 */
export function suggestDinners(
  days: string[],
  planned: MealPlanEntry[],
  candidates: Candidate[],
  recent: Set<string>,
  rules: SuggestionRules,
  eaters: number,
  pick: (count: number) => number = (count) => Math.floor(Math.random() * count),
): EntryInput[] {
  const taken = new Set(planned.map((entry) => entry.recipeId).filter(Boolean));
  const suitable = candidates.filter(
    (recipe) =>
      isDinnerRecipe(recipe.tags) &&
      !recent.has(recipe.id) &&
      !taken.has(recipe.id) &&
      (!rules.tag || recipe.tags.includes(rules.tag.toLowerCase())) &&
      (rules.maxTotalMinutes === null ||
        (recipe.prepMinutes ?? 0) + (recipe.cookMinutes ?? 0) <= rules.maxTotalMinutes),
  );
  const pools = [suitable.filter(taggedDinner), suitable.filter((recipe) => !taggedDinner(recipe))];
  const emptyDays = days.filter((date) => !planned.some((entry) => entry.date === date && entry.slot === 'DINNER'));
  return emptyDays.flatMap((date) => {
    const pool = pools.find((candidates) => candidates.length > 0);
    if (!pool) return [];
    const [recipe] = pool.splice(pick(pool.length), 1);
    const servings = Math.max(recipe!.servings, eaters);
    return [{ date, slot: 'DINNER' as const, recipeId: recipe!.id, servings, note: null }];
  });
}
