import type { DomainEvent } from '@switchyard/shared';
import type { SubscriptionResolvers } from '../generated/graphql.ts';
import { isInWeek, parseCalendarDate } from '../domain/dates.ts';
import { reviveShoppingItem, type MealPlanChangePayload, type ShoppingListChangePayload } from '../domain/events.ts';
import { ownedBy } from '../domain/household-access.ts';
import type { Context } from '../context.ts';
import { isUuid } from '@switchyard/shared';

/**
 * Each event is re-checked against the subscriber's membership *now*: someone removed from the
 * household stops seeing its changes without reconnecting.
 */
const stillMember = async (context: Context, householdId: string) =>
  (await context.households.membershipsOf([context.principal!.userId]))[0]?.householdId === householdId;

export const Subscription: SubscriptionResolvers = {
  shoppingListChanged: {
    subscribe: async (_parent, { listId }, context) => {
      const household = await context.householdId();
      ownedBy(isUuid(listId) ? await context.shoppingLists.findById(listId) : null, household, 'ShoppingList', listId);
      return context.shoppingListEvents(
        context.replayFrom,
        async (event) => event.payload.listId === listId && stillMember(context, event.payload.householdId),
      ) as never;
    },
    resolve: (source: unknown) => {
      const { payload } = source as DomainEvent<ShoppingListChangePayload>;
      return { ...payload, item: reviveShoppingItem(payload.item) };
    },
  },

  mealPlanChanged: {
    subscribe: async (_parent, args, context) => {
      const weekStart = parseCalendarDate(args.weekStart, 'weekStart');
      await context.householdId();
      return context.mealPlanEvents(
        context.replayFrom,
        async (event) => isInWeek(event.payload.date, weekStart) && stillMember(context, event.payload.householdId),
      ) as never;
    },
    resolve: (source: unknown) => (source as DomainEvent<MealPlanChangePayload>).payload,
  },
};
