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

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query,
  Mutation,
  Subscription,
  User,
  Household,
  Recipe,
  Ingredient,
  MealPlan,
  MealPlanEntry,
  ShoppingList,
  ShoppingItem,
  ShoppingListChange,
  MealPlanChange,
};
