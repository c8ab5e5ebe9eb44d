// Documents of the lists panel and item editing (lists you can correct).
import { graphql } from '$lib/graphql/generated/index.js';

export const AllShoppingListsQuery = graphql(`
  query AllShoppingLists($includeArchived: Boolean) {
    shoppingLists(first: 100, includeArchived: $includeArchived) {
      id
      name
      weekStart
      archived
      createdAt
    }
  }
`);

export const ShoppingAislesQuery = graphql(`
  query ShoppingAisles {
    myHousehold {
      id
      aisles
    }
  }
`);

export const CreateShoppingListMutation = graphql(`
  mutation CreateShoppingList($name: String!) {
    createShoppingList(name: $name) {
      id
      name
      archived
    }
  }
`);

export const RenameShoppingListMutation = graphql(`
  mutation RenameShoppingList($id: ID!, $name: String!) {
    renameShoppingList(id: $id, name: $name) {
      id
      name
    }
  }
`);

export const ArchiveShoppingListMutation = graphql(`
  mutation ArchiveShoppingList($id: ID!, $archived: Boolean!) {
    archiveShoppingList(id: $id, archived: $archived) {
      id
      archived
    }
  }
`);

export const DeleteShoppingListMutation = graphql(`
  mutation DeleteShoppingList($id: ID!) {
    deleteShoppingList(id: $id)
  }
`);

export const UpdateShoppingItemMutation = graphql(`
  mutation UpdateShoppingItem($itemId: ID!, $input: ShoppingItemInput!) {
    updateShoppingItem(itemId: $itemId, input: $input) {
      ...ShoppingItemFields
    }
  }
`);

export const DeleteShoppingItemMutation = graphql(`
  mutation DeleteShoppingItem($itemId: ID!) {
    deleteShoppingItem(itemId: $itemId)
  }
`);

export const ShoppingListsChangedSubscription = graphql(`
  subscription ShoppingListsChanged {
    shoppingListsChanged {
      kind
      listId
      list {
        id
        name
        archived
      }
    }
  }
`);
