import type { MealPlanChangeResolvers } from '../generated/graphql.ts';

export const MealPlanChange: MealPlanChangeResolvers = {
  changedBy: (change) => (change.changedBy ? { id: change.changedBy } : null),
};
