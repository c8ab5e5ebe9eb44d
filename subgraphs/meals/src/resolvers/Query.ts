import { pageSize, parseInput, toConnection, isUuid } from '@switchyard/shared';
import type { QueryResolvers } from '../generated/graphql.ts';
import { parseCalendarDate as day } from '../domain/dates.ts';
import { ownedBy } from '../domain/household-access.ts';
import { recipeFilterSchema } from '../domain/inputs.ts';

export const Query: QueryResolvers = {
  myHousehold: async (_parent, _args, { membership, households }) => {
    const own = await membership();
    return own ? households.findById(own.householdId) : null;
  },

  recipe: async (_parent, { id }, { householdId, loaders }) =>
    ownedBy(await loaders.recipeById.load(id), await householdId(), 'Recipe', id),

  recipes: async (_parent, { filter, first, after }, { householdId, recipes }) => {
    const household = await householdId();
    const size = pageSize(first, { fallback: 20, max: 100 });
    const criteria = { ...filter, ...parseInput(recipeFilterSchema, filter ?? {}, 'filter') };
    const [rows, total] = await Promise.all([
      recipes.page(household, criteria, size, after ?? null),
      recipes.count(household, criteria),
    ]);
    return toConnection(rows, size, recipes.cursorOf, total);
  },

  mealPlan: async (_parent, { weekStart }, { householdId }) => ({
    householdId: await householdId(),
    weekStart: day(weekStart, 'weekStart'),
  }),

  shoppingList: async (_parent, { id }, { householdId, shoppingLists }) =>
    ownedBy(isUuid(id) ? await shoppingLists.findById(id) : null, await householdId(), 'ShoppingList', id),

  shoppingLists: async (_parent, { first, includeArchived }, { householdId, shoppingLists }) =>
    shoppingLists.listByHousehold(
      await householdId(),
      pageSize(first, { fallback: 20, max: 100 }),
      includeArchived ?? false,
    ),
};
