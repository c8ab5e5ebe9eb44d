import type { Household, MealPlanEntry, Recipe, ShoppingItem, ShoppingList } from '../domain/types.ts';
import type { MealPlanChangePayload, ShoppingListChangePayload } from '../domain/events.ts';
import type { PantryItem } from '../data/repositories.ts';
import type { ShoppingListsChangePayload } from '../domain/shopping-list-events.ts';
import type { ShoppingSource } from '../domain/shopping-sources.ts';

export type UserMapper = { id: string };
export type HouseholdMapper = Household;
export type RecipeMapper = Recipe;
export type MealPlanMapper = { householdId: string; weekStart: string };
export type MealPlanEntryMapper = MealPlanEntry;
export type ShoppingListMapper = ShoppingList;
export type ShoppingItemMapper = ShoppingItem;
export type ShoppingListChangeMapper = ShoppingListChangePayload;
export type MealPlanChangeMapper = MealPlanChangePayload;
export type ShoppingItemSourceMapper = ShoppingSource;
export type ShoppingListsChangeMapper = ShoppingListsChangePayload;
export type PantryItemMapper = PantryItem;
export type RecipeMatchMapper = { recipeId: string; missing: string[] };
