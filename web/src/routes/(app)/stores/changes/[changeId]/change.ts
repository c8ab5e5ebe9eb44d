import { graphql } from '$lib/graphql/generated/index.js';

/** Every audit entry of one bulk action, across stores, with each store as the list names it. */
export const StoreChangeQuery = graphql(`
  query StoreChange($changeId: ID!) {
    storeChange(changeId: $changeId) {
      ...StoreAuditEntryFields
      storeId
      store {
        id
        code
        name
      }
    }
  }
`);
