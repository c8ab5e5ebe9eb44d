import type { ShoppingListResolvers } from '../generated/graphql.ts';

export const ShoppingList: ShoppingListResolvers = {
  items: (list, _args, { shoppingLists }) => shoppingLists.items(list.id),
};
