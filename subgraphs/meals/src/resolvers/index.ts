import { DateTimeScalar } from '@switchyard/shared';
import type { Resolvers } from '../generated/graphql.ts';
import { DateScalar } from './Date.ts';
import { Household } from './Household.ts';
import { Ingredient } from './Ingredient.ts';
import { MealPlan } from './MealPlan.ts';
import { MealPlanChange } from './MealPlanChange.ts';
import { MealPlanEntry } from './MealPlanEntry.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Recipe } from './Recipe.ts';
import { ShoppingItem } from './ShoppingItem.ts';
import { ShoppingList } from './ShoppingList.ts';
import { ShoppingListChange } from './ShoppingListChange.ts';
import { Subscription } from './Subscription.ts';
import { User } from './User.ts';
import { sortByAisle } from '../domain/aisles.ts';
import { pantryMutations, pantryQueries } from './Pantry.ts';
import { PantryItem, RecipeMatch } from './PantryItem.ts';
import { ShoppingItemSource } from './ShoppingItemSource.ts';
import { shoppingListMutations } from './ShoppingListMutations.ts';
import { ShoppingListsChange, shoppingListsSubscription } from './ShoppingListsChange.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: { ...Query, ...pantryQueries },
  Mutation: { ...Mutation, ...shoppingListMutations, ...pantryMutations },
  Subscription: { ...Subscription, ...shoppingListsSubscription },
  User,
  Household: { ...Household, aisles: (household, _args, { aisles }) => aisles.aisles(household.id) },
  Recipe,
  Ingredient,
  MealPlan,
  MealPlanEntry,
  ShoppingList: {
    ...ShoppingList,
    items: async (list, _args, { shoppingLists, aisles }) =>
      sortByAisle(await shoppingLists.items(list.id), await aisles.aisles(list.householdId)),
  },
  ShoppingItem: { ...ShoppingItem, sources: (item) => item.sources },
  ShoppingItemSource,
  ShoppingListsChange,
  PantryItem,
  RecipeMatch,
  ShoppingListChange,
  MealPlanChange,
};
