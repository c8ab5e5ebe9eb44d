import type { IngredientResolvers } from '../generated/graphql.ts';
import { recipeAmount } from '../domain/recipe-units.ts';

export const Ingredient: IngredientResolvers = {
  display: async (ingredient, { units }, { householdUnits }) =>
    ingredient.quantity == null
      ? null
      : recipeAmount(ingredient.quantity, ingredient.unit ?? null, ingredient.food, units ?? (await householdUnits())),
};
