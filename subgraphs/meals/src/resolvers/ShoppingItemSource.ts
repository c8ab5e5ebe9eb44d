import type { ShoppingItemSourceResolvers } from '../generated/graphql.ts';

export const ShoppingItemSource: ShoppingItemSourceResolvers = {
  // A deleted recipe leaves its title on the list and no link.
  recipe: (source, _args, { loaders }) => (source.recipeId ? loaders.recipeById.load(source.recipeId) : null),
};
