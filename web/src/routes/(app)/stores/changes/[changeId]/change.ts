import { graphql } from '$lib/graphql/generated/index.js';

/** Every audit entry of one bulk action, across stores, with each store as the list names it. */
export const StoreChangeQuery = graphql(`
  query StoreChange($changeId: ID!) {
    storeChange(changeId: $changeId) {
      id
      storeId
      version
      action
      reason
      createdAt
      actor {
        kind
        user {
          id
          displayName
        }
      }
      changes {
        field
        before
        after
      }
      store {
        id
        code
        name
      }
    }
  }
`);
