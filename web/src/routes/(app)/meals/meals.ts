// Documents shared by the meals pages: the household gate, recipe fragments and the live events.
import { graphql } from '$lib/graphql/generated/index.js';

export const HouseholdFieldsFragment = graphql(`
  fragment HouseholdFields on Household {
    id
    name
    timeZone
    units
    createdAt
    owner {
      id
      displayName
    }
    members {
      id
      displayName
    }
  }
`);

export const MyHouseholdQuery = graphql(`
  query MyHousehold {
    myHousehold {
      ...HouseholdFields
    }
  }
`);

export const CreateHouseholdMutation = graphql(`
  mutation CreateHousehold($name: String!, $timeZone: String) {
    createHousehold(name: $name, timeZone: $timeZone) {
      ...HouseholdFields
    }
  }
`);

export const RecipeCardFragment = graphql(`
  fragment RecipeCard on Recipe {
    id
    title
    servings
    prepMinutes
    cookMinutes
    totalMinutes
    tags
    imageUrl
  }
`);

export const IngredientFieldsFragment = graphql(`
  fragment IngredientFields on Ingredient {
    quantity
    unit
    food
    note
    position
    raw
  }
`);

export const RecipeDetailFragment = graphql(`
  fragment RecipeDetail on Recipe {
    ...RecipeCard
    description
    sourceUrl
    imageUrl
    createdAt
    updatedAt
    createdBy {
      id
      displayName
    }
    ingredients {
      ...IngredientFields
    }
    steps {
      position
      text
    }
    nutrition {
      calories
      protein
      carbs
      fat
    }
  }
`);

export const MealPlanEntryFieldsFragment = graphql(`
  fragment MealPlanEntryFields on MealPlanEntry {
    id
    date
    slot
    servings
    note
    recipe {
      id
      title
      totalMinutes
    }
  }
`);

export const ShoppingItemFieldsFragment = graphql(`
  fragment ShoppingItemFields on ShoppingItem {
    id
    food
    quantity
    unit
    label
    category
    note
    manual
    checked
    checkedAt
    checkedBy {
      id
      displayName
    }
    sources {
      title
      quantity
      unit
      recipe {
        id
      }
    }
  }
`);

export const MealPlanChangedSubscription = graphql(`
  subscription MealPlanChanged($weekStart: Date!) {
    mealPlanChanged(weekStart: $weekStart) {
      kind
      date
      slot
      entry {
        ...MealPlanEntryFields
      }
    }
  }
`);

export const ShoppingListChangedSubscription = graphql(`
  subscription ShoppingListChanged($listId: ID!) {
    shoppingListChanged(listId: $listId) {
      listId
      kind
      item {
        ...ShoppingItemFields
      }
    }
  }
`);
