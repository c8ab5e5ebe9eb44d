import { BadUserInputError, NotFoundError, idempotencyRequest, parseInput, isUuid } from '@switchyard/shared';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql.ts';
import { addDays, parseCalendarDate as day, weekDays, weekTitle } from '../domain/dates.ts';
import { assertCanManageMembers, ownedBy } from '../domain/household-access.ts';
import { parseIngredient } from '../domain/ingredient-parser.ts';
import { categoryOf, foodKey } from '../domain/foods.ts';
import { generateListLines } from '../domain/generated-list.ts';
import {
  householdSchema,
  importSchema,
  mealPlanEntrySchema,
  recipeInputSchema,
  shoppingItemTextSchema,
  suggestionRulesSchema,
} from '../domain/inputs.ts';
import { suggestDinners } from '../domain/meal-suggestions.ts';
import { extractRecipe, toRecipeData } from '../domain/recipe-page.ts';
import { recipeImportMutations } from './RecipeImport.ts';

const memberArgs = z.object({ householdId: z.uuid(), userId: z.uuid() });

export const Mutation: MutationResolvers = {
  createHousehold: async (_parent, { idempotencyKey, ...args }, { principal, householdService }) =>
    householdService.create(
      parseInput(householdSchema, args),
      principal!.userId,
      new Date(),
      idempotencyRequest(idempotencyKey, principal, 'createHousehold', args),
    ),

  setHouseholdUnits: async (_parent, { units }, { householdId, households }) => {
    const id = await householdId();
    const household = await households.setUnits(id, units);
    if (!household) throw new NotFoundError('Household', id);
    return household;
  },

  addHouseholdMember: async (_parent, args, { principal, membership, households }) => {
    const { householdId, userId } = parseInput(memberArgs, args);
    const household = await households.findById(householdId);
    if (!household) throw new NotFoundError('Household', householdId);
    assertCanManageMembers(principal!, await membership(), householdId);
    await households.addMember(householdId, userId);
    return household;
  },

  removeHouseholdMember: async (_parent, args, { principal, membership, households }) => {
    const { householdId, userId } = parseInput(memberArgs, args);
    const household = await households.findById(householdId);
    if (!household) throw new NotFoundError('Household', householdId);
    // Leaving is always allowed; removing someone else takes the owner or an admin.
    if (userId !== principal!.userId) assertCanManageMembers(principal!, await membership(), householdId);
    if (!(await households.removeMember(householdId, userId)))
      throw new BadUserInputError('userId', 'Not a member of this household, or its owner (who cannot be removed)');
    return household;
  },

  createRecipe: async (_parent, { idempotencyKey, ...args }, { principal, householdId, recipes }) => {
    const data = parseInput(recipeInputSchema, args.input, 'input');
    const idempotency = idempotencyRequest(idempotencyKey, principal, 'createRecipe', args);
    return recipes.create(await householdId(), principal!.userId, data, idempotency);
  },

  updateRecipe: async (_parent, { id, input }, { householdId, loaders, recipes }) => {
    ownedBy(await loaders.recipeById.load(id), await householdId(), 'Recipe', id);
    return recipes.update(id, parseInput(recipeInputSchema, input, 'input'));
  },

  deleteRecipe: async (_parent, { id }, { householdId, loaders, recipes }) => {
    ownedBy(await loaders.recipeById.load(id), await householdId(), 'Recipe', id);
    await recipes.delete(id);
    return id;
  },

  ...recipeImportMutations,

  // The page is fetched outside the transaction (a slow site must not hold one open), so only the
  // write is guarded: a repeat fetches again, then answers the first recipe.
  importRecipe: async (_parent, { idempotencyKey, ...args }, { principal, householdId, recipes, fetchRecipePage }) => {
    const { url, html } = parseInput(importSchema, args);
    const idempotency = idempotencyRequest(idempotencyKey, principal, 'importRecipe', args);
    const household = await householdId();
    const page = url ? await fetchRecipePage(url) : { html: html!, url: null };
    const imported = extractRecipe(page.html, page.url, url ? 'url' : 'html');
    return recipes.createImported(household, principal!.userId, toRecipeData(imported), idempotency);
  },

  setMealPlanEntry: async (_parent, { input }, { principal, householdId, loaders, mealPlans }) => {
    const entry = parseInput(mealPlanEntrySchema, input, 'input');
    const household = await householdId();
    const recipe = entry.recipeId
      ? ownedBy(await loaders.recipeById.load(entry.recipeId), household, 'Recipe', entry.recipeId)
      : null;
    if (!recipe && !entry.note) throw new BadUserInputError('input.recipeId', 'Give a recipe or a note');
    return mealPlans.set(household, { ...entry, servings: entry.servings ?? recipe?.servings ?? 1 }, principal!.userId);
  },

  removeMealPlanEntry: async (_parent, { id }, { principal, householdId, mealPlans }) => {
    const entry = ownedBy(isUuid(id) ? await mealPlans.findById(id) : null, await householdId(), 'MealPlanEntry', id);
    await mealPlans.remove(entry, principal!.userId);
    return id;
  },

  copyWeek: async (_parent, args, { principal, householdId, mealPlans }) => {
    const [from, to] = [day(args.from, 'from'), day(args.to, 'to')];
    const household = await householdId();
    if (from === to) throw new BadUserInputError('to', 'Copying a week onto itself changes nothing');
    await mealPlans.setMany(household, await mealPlans.copiesOfWeek(household, from, to), principal!.userId);
    return { householdId: household, weekStart: to };
  },

  suggestMealPlan: async (
    _parent,
    { weekStart: start, rules },
    { principal, householdId, mealPlans, recipes, households },
  ) => {
    const weekStart = day(start, 'weekStart');
    const { avoidRecentWeeks, ...filter } = parseInput(suggestionRulesSchema, rules, 'rules');
    const household = await householdId();
    const [planned, recent, candidates, members] = await Promise.all([
      mealPlans.week(household, weekStart),
      avoidRecentWeeks > 0
        ? mealPlans.recipeIdsPlanned(household, addDays(weekStart, -7 * avoidRecentWeeks), addDays(weekStart, -1))
        : new Set<string>(),
      recipes.suggestionCandidates(household),
      households.members(household),
    ]);
    await mealPlans.setMany(
      household,
      suggestDinners(weekDays(weekStart), planned, candidates, recent, filter, members.length),
      principal!.userId,
    );
    return { householdId: household, weekStart };
  },

  generateShoppingList: async (
    _parent,
    { idempotencyKey, ...args },
    { principal, householdId, mealPlans, shoppingLists, pantry, aisles },
  ) => {
    const weekStart = day(args.weekStart, 'weekStart');
    const idempotency = idempotencyRequest(idempotencyKey, principal, 'generateShoppingList', args);
    const household = await householdId();
    const [planned, onHand, foodAisles] = await Promise.all([
      mealPlans.plannedRecipes(household, weekStart),
      pantry.list(household),
      aisles.foodAisles(household, null),
    ]);
    const lines = generateListLines(planned, onHand, foodAisles);
    return shoppingLists.create(household, weekTitle(weekStart), weekStart, lines, idempotency, principal!.userId);
  },

  addShoppingItem: async (_parent, { idempotencyKey, ...args }, { principal, householdId, shoppingLists, aisles }) => {
    const { text } = parseInput(shoppingItemTextSchema, args);
    const idempotency = idempotencyRequest(idempotencyKey, principal, 'addShoppingItem', args);
    const list = ownedBy(
      isUuid(args.listId) ? await shoppingLists.findById(args.listId) : null,
      await householdId(),
      'ShoppingList',
      args.listId,
    );
    const { quantity, unit, food, note } = parseIngredient(text);
    // The aisle the household moved this food to before, if it did.
    const remembered = (await aisles.foodAisles(list.householdId, [foodKey(food)])).get(foodKey(food));
    return shoppingLists.addItem(
      list,
      { food, quantity, unit, note, category: remembered ?? categoryOf(food, unit) },
      principal!.userId,
      idempotency,
    );
  },

  toggleShoppingItem: async (_parent, { itemId, checked }, { principal, householdId, shoppingLists }) => {
    const household = await householdId();
    ownedBy(isUuid(itemId) ? await shoppingLists.findItem(itemId) : null, household, 'ShoppingItem', itemId);
    return shoppingLists.toggle(household, itemId, checked, principal!.userId, new Date());
  },
};
