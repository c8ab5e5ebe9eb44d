import { shoppingLabel } from '../domain/display-units.ts';
import type { ShoppingItemResolvers } from '../generated/graphql.ts';

export const ShoppingItem: ShoppingItemResolvers = {
  // Items are only ever read by members of their household, so the caller's units are the list's.
  label: async (item, _args, { householdUnits }) => shoppingLabel(item, await householdUnits()),
  checkedBy: (item) => (item.checkedBy ? { id: item.checkedBy } : null),
};
