import { graphql } from '$lib/graphql/generated/index.js';

export const ShoppingListsQuery = graphql(`
  query ShoppingLists($first: Int) {
    shoppingLists(first: $first) {
      id
      name
      weekStart
      createdAt
    }
  }
`);

export const ShoppingListFieldsFragment = graphql(`
  fragment ShoppingListFields on ShoppingList {
    id
    name
    weekStart
    createdAt
    items {
      ...ShoppingItemFields
    }
  }
`);

export const ShoppingListQuery = graphql(`
  query ShoppingList($id: ID!) {
    shoppingList(id: $id) {
      ...ShoppingListFields
    }
  }
`);

export const GenerateShoppingListMutation = graphql(`
  mutation GenerateShoppingList($weekStart: Date!) {
    generateShoppingList(weekStart: $weekStart) {
      ...ShoppingListFields
    }
  }
`);

export const AddShoppingItemMutation = graphql(`
  mutation AddShoppingItem($listId: ID!, $text: String!) {
    addShoppingItem(listId: $listId, text: $text) {
      ...ShoppingItemFields
    }
  }
`);

export const SetHouseholdUnitsMutation = graphql(`
  mutation SetHouseholdUnits($units: MeasurementSystem!) {
    setHouseholdUnits(units: $units) {
      id
      units
    }
  }
`);

export const ToggleShoppingItemMutation = graphql(`
  mutation ToggleShoppingItem($itemId: ID!, $checked: Boolean!) {
    toggleShoppingItem(itemId: $itemId, checked: $checked) {
      ...ShoppingItemFields
    }
  }
`);
