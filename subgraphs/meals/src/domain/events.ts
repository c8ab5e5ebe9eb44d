import type { NewDomainEvent } from '@switchyard/shared';
import type { MealPlanEntry, MealSlot, ShoppingItem } from './types.ts';

/**
 * Events for live collaboration. Ticks are per item (aggregate: the item), plan changes per
 * household day and slot, so per-aggregate sequence numbers never contend between people
 * editing different things.
 */
export const SHOPPING_ITEM_AGGREGATE = 'ShoppingItem';
export const MEAL_PLAN_SLOT_AGGREGATE = 'MealPlanSlot';
export const RECIPE_AGGREGATE = 'Recipe';

export interface ShoppingListChangePayload {
  householdId: string;
  listId: string;
  kind: 'ITEM_ADDED' | 'ITEM_TOGGLED' | 'ITEM_UPDATED' | 'ITEM_DELETED';
  item: ShoppingItem;
  changedBy: string | null;
}

export interface MealPlanChangePayload {
  householdId: string;
  kind: 'ENTRY_SET' | 'ENTRY_REMOVED';
  date: string;
  slot: MealSlot;
  entry: MealPlanEntry | null;
  changedBy: string | null;
}

const actor = (userId: string | null) => ({ kind: 'user' as const, id: userId });

const ITEM_EVENT_TYPES: Record<ShoppingListChangePayload['kind'], string> = {
  ITEM_ADDED: 'ShoppingItemAdded',
  ITEM_TOGGLED: 'ShoppingItemToggled',
  ITEM_UPDATED: 'ShoppingItemUpdated',
  ITEM_DELETED: 'ShoppingItemDeleted',
};

export function shoppingListChanged(payload: ShoppingListChangePayload): NewDomainEvent<ShoppingListChangePayload> {
  return {
    type: ITEM_EVENT_TYPES[payload.kind],
    aggregateType: SHOPPING_ITEM_AGGREGATE,
    aggregateId: payload.item.id,
    actor: actor(payload.changedBy),
    payload,
  };
}

export function mealPlanChanged(payload: MealPlanChangePayload): NewDomainEvent<MealPlanChangePayload> {
  return {
    type: payload.kind === 'ENTRY_SET' ? 'MealPlanEntrySet' : 'MealPlanEntryRemoved',
    aggregateType: MEAL_PLAN_SLOT_AGGREGATE,
    aggregateId: `${payload.householdId}/${payload.date}/${payload.slot}`,
    actor: actor(payload.changedBy),
    payload,
  };
}

/** Event payloads travel as JSON: the item's timestamp comes back as a string. */
export function reviveShoppingItem(item: ShoppingItem): ShoppingItem {
  return { ...item, checkedAt: item.checkedAt ? new Date(item.checkedAt) : null };
}

export interface RecipeImportedPayload {
  householdId: string;
  recipeId: string;
  title: string;
  sourceUrl: string | null;
}

/** For the activity feed: someone brought a recipe in from the web. */
export function recipeImported(
  payload: RecipeImportedPayload,
  importedBy: string | null,
): NewDomainEvent<RecipeImportedPayload> {
  return {
    type: 'RecipeImported',
    aggregateType: RECIPE_AGGREGATE,
    aggregateId: payload.recipeId,
    actor: actor(importedBy),
    payload,
  };
}
