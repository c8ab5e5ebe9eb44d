import { BadUserInputError } from '@switchyard/shared';
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { parseIngredient } from './ingredient-parser.ts';
import { isoDurationMinutes } from './iso-duration.ts';
import type { Nutrition, RecipeData } from './types.ts';

/** What a recipe web page says about its recipe, before ingredient lines are parsed. */
export interface ImportedRecipe {
  title: string;
  description: string | null;
  servings: number;
  /** False when the page gave no yield and DEFAULT_SERVINGS was assumed. */
  servingsStated: boolean;
  prepMinutes: number | null;
  cookMinutes: number | null;
  ingredients: string[];
  steps: string[];
  tags: string[];
  sourceUrl: string | null;
  imageUrl: string | null;
  nutrition: Nutrition | null;
}

/** Pages that do not say how many a recipe serves are taken to serve four, the most common yield. */
export const DEFAULT_SERVINGS = 4;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Reads the schema.org Recipe of a page from its JSON-LD script tags: the Recipe directly, in an
 * array, or inside an `@graph` (how Yoast and most WordPress recipe plugins publish it).
 * `field` names the input blamed when there is none.
 */
export function extractRecipe(html: string, pageUrl: string | null, field: string): ImportedRecipe {
  const recipe = jsonLdBlocks(html, field)
    .map((block) => findRecipe(block, 0))
    .find((found) => found !== null);
  if (!recipe) throw new BadUserInputError(field, 'The page has no schema.org Recipe data (JSON-LD)');
  const title = text(recipe.name) ?? text(recipe.headline);
  if (!title) throw new BadUserInputError(field, 'The recipe on the page has no name');
  const prepMinutes = isoDurationMinutes(recipe.prepTime);
  const totalMinutes = isoDurationMinutes(recipe.totalTime);
  const cookMinutes =
    isoDurationMinutes(recipe.cookTime) ??
    (totalMinutes !== null ? Math.max(totalMinutes - (prepMinutes ?? 0), 0) : null);
  const servings = servingsOf(recipe.recipeYield);
  return {
    title,
    description: text(recipe.description),
    servings: servings ?? DEFAULT_SERVINGS,
    servingsStated: servings !== null,
    prepMinutes,
    cookMinutes,
    ingredients: list(recipe.recipeIngredient ?? recipe.ingredients)
      .map(text)
      .filter((line): line is string => line !== null),
    steps: steps(recipe.recipeInstructions),
    tags: [
      ...new Set([...keywords(recipe.keywords), ...keywords(recipe.recipeCategory), ...keywords(recipe.recipeCuisine)]),
    ].slice(0, 20),
    sourceUrl: pageUrl ?? text(recipe.url),
    imageUrl: imageOf(recipe.image),
    nutrition: nutritionOf(recipe.nutrition),
  };
}

/**
 * Real pages nest elements a few dozen deep. The parser's work per tag grows with its stack of
 * open elements, so without a bound a page of 180,000 nested tags kept the process busy for 20 s;
 * with it, any page within the size limit parses in well under a second.
 */
export const MAX_HTML_DEPTH = 256;

function jsonLdBlocks(html: string, field: string): Json[] {
  const blocks: string[] = [];
  let current: string | null = null;
  let depth = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (++depth > MAX_HTML_DEPTH)
        throw new BadUserInputError(field, `The page nests elements deeper than ${MAX_HTML_DEPTH}`);
      if (name === 'script' && attributes.type?.trim().toLowerCase() === 'application/ld+json') current = '';
    },
    ontext(data) {
      if (current !== null) current += data;
    },
    onclosetag(name) {
      depth -= 1;
      if (name === 'script' && current !== null) blocks.push(current);
      current = null;
    },
  });
  parser.end(html);
  return blocks.flatMap((block) => {
    try {
      return [JSON.parse(block) as Json];
    } catch {
      // One broken block (sites do publish them) must not hide a good one elsewhere on the page.
      return [];
    }
  });
}

// A Recipe sits at most a few levels down (an array, an @graph, a mainEntity); deeper is not looked at.
const MAX_RECIPE_DEPTH = 8;

function findRecipe(value: Json, depth: number): JsonObject | null {
  if (depth > MAX_RECIPE_DEPTH) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findRecipe(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(value)) return null;
  if (list(value['@type']).includes('Recipe')) return value;
  return findRecipe(value['@graph'] ?? null, depth + 1) ?? findRecipe(value.mainEntity ?? null, depth + 1);
}

function steps(instructions: Json | undefined, depth = 0): string[] {
  if (typeof instructions === 'string') return splitLines(instructions);
  if (depth > MAX_RECIPE_DEPTH) return [];
  return list(instructions).flatMap((item): string[] => {
    if (typeof item === 'string') return splitLines(item);
    if (!isObject(item)) return [];
    // HowToSection and ItemList nest their steps; a section's own name is a heading, not a step.
    if (item.itemListElement !== undefined) return steps(item.itemListElement, depth + 1);
    const step = text(item.text) ?? text(item.name);
    return step ? [step] : [];
  });
}

function splitLines(value: string): string[] {
  return value
    .split(/\n|<br\s*\/?>|<\/p>|<\/li>/i)
    .map((line) => text(line))
    .filter((line): line is string => line !== null);
}

function servingsOf(yieldValue: Json | undefined): number | null {
  for (const candidate of list(yieldValue)) {
    const count = typeof candidate === 'number' ? candidate : Number(/\d+/.exec(String(candidate))?.[0]);
    if (Number.isFinite(count) && count > 0) return Math.round(count);
  }
  return null;
}

function imageOf(image: Json | undefined): string | null {
  for (const candidate of list(image)) {
    const url =
      typeof candidate === 'string'
        ? candidate
        : isObject(candidate)
          ? (text(candidate.url) ?? text(candidate.contentUrl))
          : null;
    if (url) return url;
  }
  return null;
}

function nutritionOf(value: Json | undefined): Nutrition | null {
  if (!isObject(value)) return null;
  const amount = (field: Json | undefined) => {
    const number = Number(/\d+(?:\.\d+)?/.exec(String(field ?? ''))?.[0]);
    return Number.isFinite(number) ? number : null;
  };
  const nutrition = {
    calories: amount(value.calories),
    protein: amount(value.proteinContent),
    carbs: amount(value.carbohydrateContent),
    fat: amount(value.fatContent),
  };
  return Object.values(nutrition).some((v) => v !== null) ? nutrition : null;
}

function keywords(value: Json | undefined): string[] {
  return list(value)
    .flatMap((item) => (typeof item === 'string' ? item.split(',') : []))
    .map((word) => decodeHTML(word).trim().toLowerCase())
    .filter(Boolean);
}

/** Plain text: entities decoded, tags dropped, whitespace collapsed; null when empty or not text. */
function text(value: Json | undefined): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const plain = decodeHTML(String(value).replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return plain || null;
}

function list(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The imported recipe as meals stores it: ingredient lines parsed, the raw line kept. */
export function toRecipeData(imported: ImportedRecipe): RecipeData {
  return { ...imported, ingredients: imported.ingredients.map(parseIngredient) };
}
