import type { Household, MealPlanEntry, Recipe, ShoppingItem, ShoppingList } from '../domain/types.ts';
import type { MealPlanChangePayload, ShoppingListChangePayload } from '../domain/events.ts';

export type UserMapper = { id: string };
export type HouseholdMapper = Household;
export type RecipeMapper = Recipe;
export type MealPlanMapper = { householdId: string; weekStart: string };
export type MealPlanEntryMapper = MealPlanEntry;
export type ShoppingListMapper = ShoppingList;
export type ShoppingItemMapper = ShoppingItem;
export type ShoppingListChangeMapper = ShoppingListChangePayload;
export type MealPlanChangeMapper = MealPlanChangePayload;
