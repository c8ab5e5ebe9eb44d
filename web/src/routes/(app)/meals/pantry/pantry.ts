import { graphql } from '$lib/graphql/generated/index.js';

export const PantryItemFieldsFragment = graphql(`
  fragment PantryItemFields on PantryItem {
    id
    food
    quantity
    unit
    label
    updatedAt
  }
`);

export const PantryQuery = graphql(`
  query Pantry {
    pantry {
      ...PantryItemFields
    }
  }
`);

export const WhatCanIMakeQuery = graphql(`
  query WhatCanIMake($maxMissing: Int) {
    whatCanIMake(maxMissing: $maxMissing) {
      recipe {
        id
        title
      }
      missing
    }
  }
`);

export const AddPantryItemMutation = graphql(`
  mutation AddPantryItem($input: PantryItemInput!) {
    addPantryItem(input: $input) {
      ...PantryItemFields
    }
  }
`);

export const UpdatePantryItemMutation = graphql(`
  mutation UpdatePantryItem($id: ID!, $input: PantryItemInput!) {
    updatePantryItem(id: $id, input: $input) {
      ...PantryItemFields
    }
  }
`);

export const RemovePantryItemMutation = graphql(`
  mutation RemovePantryItem($id: ID!) {
    removePantryItem(id: $id)
  }
`);
