import { z } from 'zod';
import { foodName } from './foods.ts';
import { parseIngredient } from './ingredient-parser.ts';
import { findUnit } from './units.ts';

/** Inputs of the list, item and pantry mutations (issue 22): checked with zod, fields named for BAD_USER_INPUT. */

export const listNameSchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200) });

const food = z.string().trim().min(1, 'must not be empty').max(200);
const quantity = z.number().positive('must be more than 0').max(1_000_000);
/** A known unit in its usual spelling (grams → g), anything else as written. */
const unit = z
  .string()
  .trim()
  .max(40)
  .transform((v) => (v ? (findUnit(v) ?? v) : null));

export const shoppingItemInputSchema = z.object({
  food: food.optional(),
  quantity: quantity.nullish(),
  unit: unit.nullish().transform((v) => (v === undefined ? undefined : (v ?? null))),
  note: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null)),
  aisle: z.string().trim().min(1, 'must not be empty').max(40).optional(),
});

/**
 * A pantry item: with neither quantity nor unit given, the food is read like a list line
 * ("6 eggs", "500 g flour"); the food is kept without size words, as list foods are.
 */
export const pantryInputSchema = z
  .object({ food, quantity: quantity.nullish(), unit: unit.nullish() })
  .transform(({ food, quantity, unit }) => {
    if (quantity === undefined && unit === undefined) {
      const parsed = parseIngredient(food);
      if (parsed.quantity !== null)
        return { food: foodName(parsed.food), quantity: parsed.quantity, unit: parsed.unit };
    }
    return { food: foodName(food), quantity: quantity ?? null, unit: quantity == null ? null : (unit ?? null) };
  });

export const whatCanIMakeSchema = z.object({ maxMissing: z.number().int().min(0).max(20).nullish() });
