import type { MeasurementSystem } from './display-units.ts';
import type { ShoppingSource } from './shopping-sources.ts';

export type { MeasurementSystem };

/** Domain objects the repositories return and the resolvers map; dates of the plan are `YYYY-MM-DD` strings. */
export type MealSlot = 'BREAKFAST' | 'LUNCH' | 'DINNER' | 'SNACK';
export type MemberRole = 'OWNER' | 'MEMBER';

export interface Household {
  id: string;
  name: string;
  timeZone: string;
  units: MeasurementSystem;
  createdAt: Date;
}

export interface HouseholdMember {
  userId: string;
  householdId: string;
  role: MemberRole;
}

export interface Nutrition {
  calories: number | null;
  protein: number | null;
  carbs: number | null;
  fat: number | null;
}

export interface Ingredient {
  position: number;
  quantity: number | null;
  unit: string | null;
  food: string;
  note: string | null;
  raw: string;
}

export interface Recipe {
  id: string;
  householdId: string;
  title: string;
  description: string | null;
  servings: number;
  prepMinutes: number | null;
  cookMinutes: number | null;
  tags: string[];
  sourceUrl: string | null;
  imageUrl: string | null;
  nutrition: Nutrition | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  ingredients: Ingredient[];
  steps: { position: number; text: string }[];
}

/** What setting a plan slot needs. */
export interface EntryInput {
  date: string;
  slot: MealSlot;
  recipeId: string | null;
  servings: number;
  note: string | null;
}

export interface MealPlanEntry {
  id: string;
  householdId: string;
  date: string;
  slot: MealSlot;
  recipeId: string | null;
  servings: number;
  note: string | null;
}

export interface ShoppingList {
  id: string;
  householdId: string;
  name: string;
  weekStart: string | null;
  archived: boolean;
  createdAt: Date;
}

export interface ShoppingItem {
  id: string;
  listId: string;
  food: string;
  quantity: number | null;
  unit: string | null;
  category: string;
  note: string | null;
  manual: boolean;
  checked: boolean;
  checkedAt: Date | null;
  checkedBy: string | null;
  position: number;
  /** The recipes a generated item came from. */
  sources: ShoppingSource[];
}

/** A recipe as written by a user or an import, before it has an id. */
export interface RecipeData {
  title: string;
  description: string | null;
  servings: number;
  prepMinutes: number | null;
  cookMinutes: number | null;
  ingredients: Omit<Ingredient, 'position'>[];
  steps: string[];
  tags: string[];
  sourceUrl: string | null;
  imageUrl: string | null;
  nutrition: Nutrition | null;
}
