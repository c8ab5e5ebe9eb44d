import type { DomainEvent } from '@switchyard/shared';
import type { ShoppingListsChangeResolvers, SubscriptionResolvers } from '../generated/graphql.ts';
import { reviveShoppingList, type ShoppingListsChangePayload } from '../domain/shopping-list-events.ts';
import type { Context } from '../context.ts';

export const ShoppingListsChange: ShoppingListsChangeResolvers = {
  changedBy: (change) => (change.changedBy ? { id: change.changedBy } : null),
};

/** Re-checked per event against the subscriber's membership now, as shoppingListChanged does. */
const stillMember = async (context: Context, householdId: string) =>
  (await context.households.membershipsOf([context.principal!.userId]))[0]?.householdId === householdId;

export const shoppingListsSubscription: SubscriptionResolvers = {
  shoppingListsChanged: {
    subscribe: async (_parent, _args, context) => {
      const household = await context.householdId();
      return context.shoppingListsEvents(
        context.replayFrom,
        async (event) => event.payload.householdId === household && stillMember(context, household),
      ) as never;
    },
    resolve: (source: unknown) => {
      const { payload } = source as DomainEvent<ShoppingListsChangePayload>;
      return { ...payload, list: reviveShoppingList(payload.list) };
    },
  },
};
