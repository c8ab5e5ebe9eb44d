import { parseIngredient } from './ingredient-parser.ts';
import type { ImportedRecipe } from './recipe-page.ts';
import type { RecipeData } from './types.ts';

/**
 * An imported recipe made ready for the recipe form: everything a page says, fitted to the limits
 * `createRecipe` accepts (RecipeInput), so that saving the draft unchanged succeeds. Every change to
 * what the page said, and everything the page left out, is a warning naming the field.
 */
export type RecipeImportWarningCode =
  'SERVINGS_ASSUMED' | 'NO_INGREDIENTS' | 'NO_STEPS' | 'SHORTENED' | 'DROPPED' | 'OUT_OF_RANGE' | 'NOT_AN_HTTP_URL';

export interface RecipeImportWarning {
  code: RecipeImportWarningCode;
  /** The RecipeInput field concerned, e.g. `title`, `ingredients`, `steps.3`. */
  field: string;
  message: string;
}

export interface RecipeDraft extends RecipeData {
  warnings: RecipeImportWarning[];
}

/** The limits of RecipeInput (see inputs.ts), which the draft must meet. */
export const DRAFT_LIMITS = {
  title: 200,
  description: 5000,
  servings: [1, 1000],
  minutes: [0, 10_000],
  ingredients: 200,
  ingredientLine: 500,
  steps: 200,
  step: 5000,
  tags: 30,
  tag: 50,
  url: 2000,
  nutrient: 1_000_000,
} as const;

export function toRecipeDraft(imported: ImportedRecipe): RecipeDraft {
  const warnings: RecipeImportWarning[] = [];
  const warn = (code: RecipeImportWarningCode, field: string, message: string) =>
    warnings.push({ code, field, message });

  const shorten = (value: string, max: number, field: string, what: string): string => {
    if (value.length <= max) return value;
    warn('SHORTENED', field, `The ${what} was cut to ${max} characters`);
    return value.slice(0, max).trimEnd();
  };
  const within = (value: number | null, [min, max]: readonly [number, number], field: string, what: string) => {
    if (value === null || (value >= min && value <= max)) return value;
    const fitted = Math.min(max, Math.max(min, value));
    warn('OUT_OF_RANGE', field, `The page says ${value} ${what}; ${fitted} is the nearest allowed`);
    return fitted;
  };
  const first = <T>(items: T[], max: number, field: string, what: string): T[] => {
    if (items.length <= max) return items;
    warn('DROPPED', field, `The page has ${items.length} ${what}; the first ${max} were kept`);
    return items.slice(0, max);
  };
  const url = (value: string | null, field: string, what: string): string | null => {
    if (value === null) return null;
    if (!isHttpUrl(value) || value.length > DRAFT_LIMITS.url) {
      warn('NOT_AN_HTTP_URL', field, `The ${what} is not an http(s) URL of at most ${DRAFT_LIMITS.url} characters`);
      return null;
    }
    return value;
  };

  const title = shorten(imported.title, DRAFT_LIMITS.title, 'title', 'title');
  const description =
    imported.description === null
      ? null
      : shorten(imported.description, DRAFT_LIMITS.description, 'description', 'description');
  if (!imported.servingsStated)
    warn('SERVINGS_ASSUMED', 'servings', `The page does not say how many it serves; ${imported.servings} assumed`);
  const servings = within(imported.servings, DRAFT_LIMITS.servings, 'servings', 'servings')!;
  const prepMinutes = within(imported.prepMinutes, DRAFT_LIMITS.minutes, 'prepMinutes', 'minutes of preparation');
  const cookMinutes = within(imported.cookMinutes, DRAFT_LIMITS.minutes, 'cookMinutes', 'minutes of cooking');

  const lines = first(imported.ingredients, DRAFT_LIMITS.ingredients, 'ingredients', 'ingredient lines');
  if (lines.length === 0) warn('NO_INGREDIENTS', 'ingredients', 'The page lists no ingredients');
  const ingredients = lines.map((line, index) =>
    parseIngredient(shorten(line, DRAFT_LIMITS.ingredientLine, `ingredients.${index}`, `ingredient line ${index + 1}`)),
  );
  const steps = first(imported.steps, DRAFT_LIMITS.steps, 'steps', 'steps').map((step, index) =>
    shorten(step, DRAFT_LIMITS.step, `steps.${index}`, `step ${index + 1}`),
  );
  if (steps.length === 0) warn('NO_STEPS', 'steps', 'The page gives no method');

  const tags = first(
    imported.tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0),
    DRAFT_LIMITS.tags,
    'tags',
    'tags',
  ).filter((tag) => {
    if (tag.length <= DRAFT_LIMITS.tag) return true;
    warn(
      'DROPPED',
      'tags',
      `The tag “${tag.slice(0, 20)}…” is longer than ${DRAFT_LIMITS.tag} characters and was left out`,
    );
    return false;
  });

  const nutrition = imported.nutrition && {
    calories: nutrient(imported.nutrition.calories, 'calories'),
    protein: nutrient(imported.nutrition.protein, 'protein'),
    carbs: nutrient(imported.nutrition.carbs, 'carbs'),
    fat: nutrient(imported.nutrition.fat, 'fat'),
  };
  function nutrient(value: number | null, name: string): number | null {
    if (value === null || (value >= 0 && value <= DRAFT_LIMITS.nutrient)) return value;
    warn('OUT_OF_RANGE', `nutrition.${name}`, `The page's ${name} value (${value}) is out of range and was left out`);
    return null;
  }

  return {
    title,
    description,
    servings,
    prepMinutes,
    cookMinutes,
    ingredients,
    steps,
    tags,
    sourceUrl: url(imported.sourceUrl, 'sourceUrl', 'source address'),
    imageUrl: url(imported.imageUrl, 'imageUrl', 'image address'),
    nutrition,
    warnings,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
