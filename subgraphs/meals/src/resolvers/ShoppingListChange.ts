import type { ShoppingListChangeResolvers } from '../generated/graphql.ts';

export const ShoppingListChange: ShoppingListChangeResolvers = {
  changedBy: (change) => (change.changedBy ? { id: change.changedBy } : null),
};
