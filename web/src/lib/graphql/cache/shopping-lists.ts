import type { Cache } from '@urql/exchange-graphcache';
import type { ShoppingListChangedSubscription, ShoppingListsChangedSubscription } from '../generated/graphql.js';
import { invalidateField, type CacheArea } from './area.js';

/**
 * Lists you can correct and the pantry: a deleted item or list leaves every cached view (graphcache
 * refetches what referenced it); list-level changes by anyone refresh the lists panel.
 */
const dropItem = (cache: Cache, id: string) => cache.invalidate({ __typename: 'ShoppingItem', id });
const refreshLists = (cache: Cache) => invalidateField(cache, 'Query', 'shoppingLists');
const refreshPantry = (cache: Cache) => {
  invalidateField(cache, 'Query', 'pantry');
  invalidateField(cache, 'Query', 'whatCanIMake');
};

export const shoppingListsCache: CacheArea = {
  embedded: ['ShoppingItemSource', 'ShoppingListsChange', 'RecipeMatch'],
  subscriptions: {
    shoppingListsChanged(result, _args, cache) {
      const change = (result as ShoppingListsChangedSubscription).shoppingListsChanged;
      if (change.kind === 'DELETED') cache.invalidate({ __typename: 'ShoppingList', id: change.listId });
      refreshLists(cache);
    },
  },
  mutations: {
    createShoppingList: (_r, _a, cache) => refreshLists(cache),
    archiveShoppingList: (_r, _a, cache) => refreshLists(cache),
    deleteShoppingList(_r, args, cache) {
      cache.invalidate({ __typename: 'ShoppingList', id: args.id as string });
      refreshLists(cache);
    },
    deleteShoppingItem: (_r, args, cache) => dropItem(cache, args.itemId as string),
    addPantryItem: (_r, _a, cache) => refreshPantry(cache),
    updatePantryItem: (_r, _a, cache) => refreshPantry(cache),
    removePantryItem: (_r, _a, cache) => refreshPantry(cache),
  },
};

/** Called by the meals area for every shoppingListChanged event: a deleted item leaves the list. */
export function onShoppingListChange(change: ShoppingListChangedSubscription['shoppingListChanged'], cache: Cache) {
  if (change.kind === 'ITEM_DELETED') dropItem(cache, change.item.id);
}
