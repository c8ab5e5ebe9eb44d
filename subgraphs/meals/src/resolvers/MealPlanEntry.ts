import type { MealPlanEntryResolvers } from '../generated/graphql.ts';

export const MealPlanEntry: MealPlanEntryResolvers = {
  recipe: (entry, _args, { loaders }) => (entry.recipeId ? loaders.recipeById.load(entry.recipeId) : null),
};
