import type { Cache, Data } from '@urql/exchange-graphcache';
import type {
  AddShoppingItemMutation,
  CreateHouseholdMutation,
  MealPlanChangedSubscription,
  SetMealPlanEntryMutation,
  ShoppingListChangedSubscription,
} from '../generated/graphql.js';
import { invalidateField, type CacheArea } from './area.js';
import { onShoppingListChange } from './shopping-lists.js';

const DAY_MS = 86_400_000;
const inWeek = (date: string, weekStart: string) => {
  const offset = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${weekStart}T00:00:00Z`)) / DAY_MS;
  return offset >= 0 && offset < 7;
};

/**
 * Every cached week (`Query.mealPlan(weekStart)`, an embedded MealPlan) that contains `date`:
 * the entry for `date` and `slot` is replaced by `entry`, or dropped when `entry` is null. A plan
 * holds one entry per day and slot, so that is the whole change; weeks not in the cache are
 * fetched when shown.
 */
function placeEntry(cache: Cache, date: string, slot: string, entry: { __typename?: string; id: string } | null) {
  for (const field of cache.inspectFields('Query')) {
    if (
      field.fieldName !== 'mealPlan' ||
      typeof field.arguments?.weekStart !== 'string' ||
      !inWeek(date, field.arguments.weekStart)
    )
      continue;
    const plan = cache.resolve('Query', 'mealPlan', field.arguments) as string | null;
    const entries = plan ? (cache.resolve(plan, 'entries') as string[] | null) : null;
    if (!plan || !Array.isArray(entries)) {
      cache.invalidate('Query', 'mealPlan', field.arguments);
      continue;
    }
    const kept = entries.filter((key) => !(cache.resolve(key, 'date') === date && cache.resolve(key, 'slot') === slot));
    const added = entry ? cache.keyOfEntity({ __typename: 'MealPlanEntry', id: entry.id }) : null;
    cache.link(plan, 'entries', added ? [...kept.filter((key) => key !== added), added] : kept);
  }
}

/** Drops an entry, by id, from every cached week. */
function dropEntry(cache: Cache, id: string) {
  const key = cache.keyOfEntity({ __typename: 'MealPlanEntry', id });
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'mealPlan') continue;
    const plan = cache.resolve('Query', 'mealPlan', field.arguments) as string | null;
    const entries = plan ? (cache.resolve(plan, 'entries') as string[] | null) : null;
    if (plan && Array.isArray(entries) && entries.includes(key!))
      cache.link(
        plan,
        'entries',
        entries.filter((k) => k !== key),
      );
  }
}

/**
 * Appends an added item to its cached list. The API orders items by position and puts items
 * added by hand last, so appending matches a refetch; the mutation's result and the event of
 * the same addition arrive both, hence the check.
 */
function appendItem(cache: Cache, listId: string, item: { id: string }) {
  const list = { __typename: 'ShoppingList', id: listId };
  const items = cache.resolve(list, 'items') as string[] | null;
  if (!Array.isArray(items)) return;
  const key = cache.keyOfEntity({ __typename: 'ShoppingItem', id: item.id })!;
  if (!items.includes(key)) cache.link(list, 'items', [...items, key]);
}

const invalidateRecipeLists = (cache: Cache) => invalidateField(cache, 'Query', 'recipes');

export const mealsCache: CacheArea = {
  embedded: [
    'Ingredient',
    'Step',
    'Nutrition',
    'RecipeConnection',
    'RecipeEdge',
    'PageInfo',
    'MealPlan',
    'MealPlanChange',
    'ShoppingListChange',
  ],
  subscriptions: {
    // Ticks need nothing here: the item is normalized (ShoppingItem:<id>), so every view of it updates.
    shoppingListChanged(result, _args, cache) {
      const change = (result as ShoppingListChangedSubscription).shoppingListChanged;
      if (change.kind === 'ITEM_ADDED') appendItem(cache, change.listId, change.item);
      onShoppingListChange(change, cache);
    },
    mealPlanChanged(result, _args, cache) {
      const change = (result as MealPlanChangedSubscription).mealPlanChanged;
      placeEntry(cache, change.date, change.slot, change.kind === 'ENTRY_SET' ? (change.entry ?? null) : null);
    },
  },
  mutations: {
    createHousehold(result, _args, cache) {
      const household = (result as CreateHouseholdMutation).createHousehold;
      cache.link('Query', 'myHousehold', household as unknown as Data);
    },
    // Leaving the household (removing oneself) ends access to everything below it.
    removeHouseholdMember: (_r, _a, cache) => invalidateField(cache, 'Query', 'myHousehold'),

    createRecipe: (_r, _a, cache) => invalidateRecipeLists(cache),
    importRecipe: (_r, _a, cache) => invalidateRecipeLists(cache),
    updateRecipe(_r, args, cache) {
      invalidateRecipeLists(cache);
      // Scaled amounts follow the new ingredients; plan entries show the new title by normalization.
      invalidateField(cache, { __typename: 'Recipe', id: args.id as string }, 'scaled');
    },
    deleteRecipe(_r, args, cache) {
      invalidateRecipeLists(cache);
      cache.invalidate({ __typename: 'Recipe', id: args.id as string });
      // Entries that used it keep their slot without a recipe.
      invalidateField(cache, 'Query', 'mealPlan');
    },

    setMealPlanEntry(result, _args, cache) {
      const entry = (result as SetMealPlanEntryMutation).setMealPlanEntry;
      placeEntry(cache, entry.date, entry.slot, entry);
    },
    removeMealPlanEntry: (_r, args, cache) => dropEntry(cache, args.id as string),
    copyWeek: (_r, _a, cache) => invalidateField(cache, 'Query', 'mealPlan'),
    suggestMealPlan: (_r, _a, cache) => invalidateField(cache, 'Query', 'mealPlan'),

    generateShoppingList: (_r, _a, cache) => invalidateField(cache, 'Query', 'shoppingLists'),
    addShoppingItem(result, args, cache) {
      appendItem(cache, args.listId as string, (result as AddShoppingItemMutation).addShoppingItem);
    },
  },
};
