import { graphql } from '$lib/graphql/generated/index.js';

/** The recipes the plan offers (shelf and Add dialog): the household's newest hundred, one cached query. */
export const PLAN_RECIPES = { filter: null, first: 100, after: null };

export const MealPlanQuery = graphql(`
  query MealPlan($weekStart: Date!) {
    mealPlan(weekStart: $weekStart) {
      weekStart
      entries {
        ...MealPlanEntryFields
      }
    }
  }
`);

export const SetMealPlanEntryMutation = graphql(`
  mutation SetMealPlanEntry($input: MealPlanEntryInput!) {
    setMealPlanEntry(input: $input) {
      ...MealPlanEntryFields
    }
  }
`);

export const RemoveMealPlanEntryMutation = graphql(`
  mutation RemoveMealPlanEntry($id: ID!) {
    removeMealPlanEntry(id: $id)
  }
`);

export const SuggestMealPlanMutation = graphql(`
  mutation SuggestMealPlan($weekStart: Date!) {
    suggestMealPlan(weekStart: $weekStart) {
      weekStart
      entries {
        ...MealPlanEntryFields
      }
    }
  }
`);

export const CopyWeekMutation = graphql(`
  mutation CopyWeek($from: Date!, $to: Date!) {
    copyWeek(from: $from, to: $to) {
      weekStart
      entries {
        ...MealPlanEntryFields
      }
    }
  }
`);
