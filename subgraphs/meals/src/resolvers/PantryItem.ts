import { shoppingLabel } from '../domain/display-units.ts';
import type { PantryItemResolvers, RecipeMatchResolvers } from '../generated/graphql.ts';

export const PantryItem: PantryItemResolvers = {
  label: async (item, _args, { householdUnits }) => shoppingLabel(item, await householdUnits()),
};

export const RecipeMatch: RecipeMatchResolvers = {
  recipe: async (match, _args, { loaders }) => (await loaders.recipeById.load(match.recipeId))!,
};
