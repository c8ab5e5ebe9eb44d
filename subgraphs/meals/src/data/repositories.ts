import type { IdempotencyRequest } from '@switchyard/shared';
import type { ShoppingLine } from '../domain/shopping-list-builder.ts';
import type { ShoppingSource } from '../domain/shopping-sources.ts';
import type {
  EntryInput,
  Household,
  HouseholdMember,
  MeasurementSystem,
  MealPlanEntry,
  Recipe,
  RecipeData,
  ShoppingItem,
  ShoppingList,
} from '../domain/types.ts';

/*
 * What meals' services, jobs and resolvers depend on: one interface per repository, in domain
 * types. The Prisma-backed implementations beside this file are the only code that touches the
 * database.
 */

export interface HouseholdRepository {
  findById(id: string): Promise<Household | null>;
  /** Oldest first. */
  findAll(): Promise<Household[]>;
  count(): Promise<number>;
  /** Memberships of the given users (each in at most one household). */
  membershipsOf(userIds: readonly string[]): Promise<HouseholdMember[]>;
  /** The owner first. */
  members(householdId: string): Promise<HouseholdMember[]>;
  /**
   * Creates a household with `ownerId` as its owner; with `demoWeekStart`, also the demo recipes
   * and that week planned with them, at once. A user already in a household is a CONFLICT.
   * With `idempotency`, a repeat answers the household the first request created.
   */
  create(
    input: { name: string; timeZone: string; ownerId: string },
    demoWeekStart: string | null,
    idempotency?: IdempotencyRequest | null,
  ): Promise<Household>;
  /** Sets the units its shopping lists are shown in; null when there is no such household. */
  setUnits(id: string, units: MeasurementSystem): Promise<Household | null>;
  /** A user already in a household is a CONFLICT. */
  addMember(householdId: string, userId: string): Promise<void>;
  /** Removes a member (never the owner); returns whether someone was removed. */
  removeMember(householdId: string, userId: string): Promise<boolean>;
}

export interface RecipeFilter {
  search?: string | null;
  tag?: string | null;
  maxTotalMinutes?: number | null;
}

export interface RecipeRepository {
  findManyByIds(ids: readonly string[]): Promise<Recipe[]>;
  /** With `idempotency`, a repeat answers the recipe the first request created (also for imports). */
  create(
    householdId: string,
    createdById: string,
    data: RecipeData,
    idempotency?: IdempotencyRequest | null,
  ): Promise<Recipe>;
  /** Creates a recipe brought in from the web, with a RecipeImported event at once. */
  createImported(
    householdId: string,
    importedById: string,
    data: RecipeData,
    idempotency?: IdempotencyRequest | null,
  ): Promise<Recipe>;
  /** Replaces the recipe's fields, ingredients and steps at once. */
  update(id: string, data: RecipeData): Promise<Recipe>;
  delete(id: string): Promise<void>;
  /** Keyset page, newest first; fetches `size + 1` rows so the caller knows whether more follow. */
  page(householdId: string, filter: RecipeFilter, size: number, after: string | null): Promise<Recipe[]>;
  count(householdId: string, filter: RecipeFilter): Promise<number>;
  /** What the dinner suggester weighs, for every recipe of the household. */
  suggestionCandidates(
    householdId: string,
  ): Promise<Pick<Recipe, 'id' | 'servings' | 'tags' | 'prepMinutes' | 'cookMinutes'>[]>;
  cursorOf(recipe: Recipe): string;
}

/** A planned recipe with what the shopping list and the weekly email need of it. */
export interface PlannedRecipe {
  entry: MealPlanEntry;
  recipe: Pick<Recipe, 'title' | 'servings' | 'ingredients'>;
}

/** Every write records a MealPlanChanged event at once. */
export interface MealPlanRepository {
  /** The week's entries, by date and slot. */
  week(householdId: string, weekStart: string): Promise<MealPlanEntry[]>;
  findById(id: string): Promise<MealPlanEntry | null>;
  /** The week's entries that have a recipe, with the recipe's ingredients. */
  plannedRecipes(householdId: string, weekStart: string): Promise<PlannedRecipe[]>;
  /** Recipe ids planned between two dates (inclusive): what the suggester avoids. */
  recipeIdsPlanned(householdId: string, from: string, to: string): Promise<Set<string>>;
  /** Sets the entry of its date and slot (replacing what was there). */
  set(householdId: string, input: EntryInput, changedBy: string | null): Promise<MealPlanEntry>;
  /** Sets many entries at once (copying or filling a week). */
  setMany(householdId: string, inputs: EntryInput[], changedBy: string | null): Promise<void>;
  remove(entry: MealPlanEntry, changedBy: string | null): Promise<void>;
  /** The entries of the week at `from`, moved to the week at `to`. */
  copiesOfWeek(householdId: string, from: string, to: string): Promise<EntryInput[]>;
}

/** A line of a generated list: after the pantry (with its note) and with the recipes it came from. */
export type GeneratedLine = Omit<ShoppingLine, 'category'> & {
  category: string;
  note?: string | null;
  sources?: ShoppingSource[];
};

/** The fields updateShoppingItem may change; what is absent stays. */
export interface ItemChanges {
  food?: string;
  quantity?: number | null;
  unit?: string | null;
  note?: string | null;
  category?: string;
}

export interface NewItem {
  food: string;
  quantity: number | null;
  unit: string | null;
  category: string;
  note: string | null;
}

/** With `idempotency`, a repeat of a create or an add answers what the first request created. */
export interface ShoppingListRepository {
  create(
    householdId: string,
    name: string,
    weekStart: string | null,
    lines: GeneratedLine[],
    idempotency?: IdempotencyRequest | null,
    changedBy?: string | null,
  ): Promise<ShoppingList>;
  findById(id: string): Promise<ShoppingList | null>;
  latestForWeek(householdId: string, weekStart: string): Promise<ShoppingList | null>;
  /** Newest first; archived lists only with `includeArchived`. */
  listByHousehold(householdId: string, take: number, includeArchived?: boolean): Promise<ShoppingList[]>;
  /** Each list-level write records a ShoppingListsChanged event at once. */
  rename(list: ShoppingList, name: string, changedBy: string | null): Promise<ShoppingList>;
  setArchived(list: ShoppingList, archived: boolean, changedBy: string | null): Promise<ShoppingList>;
  /** Deletes the list with its items. */
  delete(list: ShoppingList, changedBy: string | null): Promise<void>;
  /**
   * Item writes record a ShoppingListChanged event at once. With `remember`, the food's aisle for
   * the household's future lists is written in the same transaction.
   */
  updateItem(
    householdId: string,
    itemId: string,
    changes: ItemChanges,
    changedBy: string | null,
    remember?: { foodKey: string; aisle: string } | null,
  ): Promise<ShoppingItem>;
  deleteItem(householdId: string, itemId: string, changedBy: string | null): Promise<void>;
  items(listId: string): Promise<ShoppingItem[]>;
  /** The item with its list's household, for access checks. */
  findItem(id: string): Promise<(ShoppingItem & { householdId: string }) | null>;
  /** Adds an item at the end of the list, recording a ShoppingListChanged event at once. */
  addItem(
    list: ShoppingList,
    item: NewItem,
    changedBy: string | null,
    idempotency?: IdempotencyRequest | null,
  ): Promise<ShoppingItem>;
  /** Ticks one item on or off, recording a ShoppingListChanged event at once; people ticking different items never collide. */
  toggle(
    householdId: string,
    itemId: string,
    checked: boolean,
    changedBy: string | null,
    now: Date,
  ): Promise<ShoppingItem>;
}

/** Delivery claims: whoever claims (household, week, member) sends that email, once across replicas. */
export interface WeeklyEmailRepository {
  /** True for the one caller that got the claim. */
  claim(householdId: string, weekStart: string, userId: string): Promise<boolean>;
  /** Gives a claim back after a failed send, so the next run tries again. */
  release(householdId: string, weekStart: string, userId: string): Promise<void>;
}

/** What a household keeps on hand: one item per food key. */
export interface PantryItem {
  id: string;
  householdId: string;
  food: string;
  quantity: number | null;
  unit: string | null;
  updatedAt: Date;
}

export interface PantryInput {
  food: string;
  quantity: number | null;
  unit: string | null;
}

export interface PantryRepository {
  /** By food. */
  list(householdId: string): Promise<PantryItem[]>;
  findById(id: string): Promise<PantryItem | null>;
  /** CONFLICT (field input.food) when the household already has the food. */
  add(householdId: string, input: PantryInput): Promise<PantryItem>;
  /** CONFLICT (field input.food) when renaming onto another item's food. */
  update(id: string, input: PantryInput): Promise<PantryItem>;
  remove(id: string): Promise<void>;
  /** Every recipe of the household with its ingredient foods: what "what can I make" matches. */
  recipeFoods(householdId: string): Promise<{ id: string; title: string; ingredients: { food: string }[] }[]>;
}

/** The household's aisle order and the aisles it chose for foods. */
export interface AisleRepository {
  /** The household's aisles in order; the defaults when it never set any. */
  aisles(householdId: string): Promise<string[]>;
  setAisles(householdId: string, aisles: string[]): Promise<void>;
  /** Food key -> aisle for the given keys (all of the household's when keys is null). */
  foodAisles(householdId: string, keys: string[] | null): Promise<Map<string, string>>;
  rememberFoodAisle(householdId: string, foodKey: string, aisle: string): Promise<void>;
}
