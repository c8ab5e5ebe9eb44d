import type { ShoppingItemResolvers } from '../generated/graphql.ts';

export const ShoppingItem: ShoppingItemResolvers = {
  checkedBy: (item) => (item.checkedBy ? { id: item.checkedBy } : null),
};
