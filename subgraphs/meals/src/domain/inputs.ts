import { filterText } from '@switchyard/shared';
import { z } from 'zod';
import { isCalendarDate, isTimeZone } from './dates.ts';
import { parseIngredient } from './ingredient-parser.ts';
import type { RecipeData } from './types.ts';

const name = z.string().trim().min(1, 'must not be empty').max(200);
const minutes = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .nullish()
  .transform((v) => v ?? null);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000)
  .nullish()
  .transform((v) => v ?? null);
const amount = z
  .number()
  .min(0)
  .max(1_000_000)
  .nullish()
  .transform((v) => v ?? null);

export const calendarDate = z.string().max(10).refine(isCalendarDate, 'must be a date as YYYY-MM-DD');

export const recipeFilterSchema = z.object({ search: filterText(), tag: filterText() });

export const householdSchema = z.object({
  name,
  timeZone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')
    .nullish()
    .transform((v) => v ?? 'UTC'),
});

const ingredientSchema = z.object({
  raw: z.string().trim().min(1, 'must not be empty').max(500),
  quantity: amount,
  unit: optionalText(40),
  food: optionalText(200),
  note: optionalText(500),
});

/** A recipe as a user writes it; ingredient lines without a `food` are parsed from their text. */
export const recipeInputSchema = z
  .object({
    title: name,
    description: optionalText(5000),
    servings: z.number().int().min(1).max(1000),
    prepMinutes: minutes,
    cookMinutes: minutes,
    ingredients: z.array(ingredientSchema).max(200),
    steps: z.array(z.string().trim().min(1, 'must not be empty').max(5000)).max(200),
    tags: z
      .array(z.string().trim().min(1).max(50))
      .max(30)
      .nullish()
      .transform((v) => v ?? []),
    sourceUrl: httpUrl,
    imageUrl: httpUrl,
    nutrition: z
      .object({ calories: amount, protein: amount, carbs: amount, fat: amount })
      .nullish()
      .transform((v) => v ?? null),
  })
  .transform((input): RecipeData => ({
    ...input,
    ingredients: input.ingredients.map(({ raw, quantity, unit, food, note }) =>
      food ? { raw, quantity, unit, food, note } : parseIngredient(raw),
    ),
  }));

export const mealPlanEntrySchema = z.object({
  date: calendarDate,
  slot: z.enum(['BREAKFAST', 'LUNCH', 'DINNER', 'SNACK']),
  recipeId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  servings: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
  note: optionalText(500),
});

export const suggestionRulesSchema = z
  .object({
    avoidRecentWeeks: z
      .number()
      .int()
      .min(0)
      .max(52)
      .nullish()
      .transform((v) => v ?? 2),
    tag: optionalText(50),
    maxTotalMinutes: z
      .number()
      .int()
      .min(1)
      .nullish()
      .transform((v) => v ?? null),
  })
  .nullish()
  .transform((v) => v ?? { avoidRecentWeeks: 2, tag: null, maxTotalMinutes: null });

// A pasted page: recipe pages are well under a megabyte; parsing 2 MB takes about 0.1 s here.
const MAX_PASTED_HTML = 2_000_000;

export const importSchema = z
  .object({
    url: z.string().trim().min(1).max(2000).nullish(),
    html: z.string().min(1).max(MAX_PASTED_HTML).nullish(),
  })
  .refine((input) => Boolean(input.url) !== Boolean(input.html), {
    path: ['url'],
    message: 'give exactly one of url and html',
  });

export const shoppingItemTextSchema = z.object({ text: z.string().trim().min(1, 'must not be empty').max(300) });
