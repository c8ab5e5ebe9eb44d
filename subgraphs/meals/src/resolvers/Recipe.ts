import { BadUserInputError } from '@switchyard/shared';
import type { RecipeResolvers } from '../generated/graphql.ts';
import { scaleIngredients } from '../domain/rounding.ts';

export const Recipe: RecipeResolvers = {
  /** Other subgraphs may reference a recipe; only its own household sees it. */
  __resolveReference: async ({ id }, { principal, membership, loaders }) => {
    const recipe = await loaders.recipeById.load(id);
    const own = principal ? await membership() : null;
    return recipe && own?.householdId === recipe.householdId ? recipe : null;
  },

  totalMinutes: (recipe) =>
    recipe.prepMinutes === null && recipe.cookMinutes === null
      ? null
      : (recipe.prepMinutes ?? 0) + (recipe.cookMinutes ?? 0),

  scaled: (recipe, { servings }) => {
    if (!Number.isInteger(servings) || servings < 1 || servings > 1000)
      throw new BadUserInputError('servings', 'servings must be between 1 and 1000');
    return scaleIngredients(recipe.ingredients, recipe.servings, servings);
  },

  createdBy: (recipe) => ({ id: recipe.createdById }),
};
