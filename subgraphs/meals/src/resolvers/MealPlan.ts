import type { MealPlanResolvers } from '../generated/graphql.ts';

export const MealPlan: MealPlanResolvers = {
  entries: ({ householdId, weekStart }, _args, { mealPlans }) => mealPlans.week(householdId, weekStart),
};
