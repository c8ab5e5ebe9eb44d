import { graphql } from '$lib/graphql/generated/index.js';

export const StoresQuery = graphql(`
  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {
    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...StoreListItem
        }
      }
    }
  }
`);

/** Each store moves on its own: the result says, per store, whether it moved and why not. */
export const BulkTransitionStoresMutation = graphql(`
  mutation BulkTransitionStores($ids: [ID!]!, $to: StoreStatus!, $reason: String) {
    bulkTransitionStores(ids: $ids, to: $to, reason: $reason) {
      succeeded
      failed
      changeId
      results {
        id
        ok
        store {
          ...StoreListItem
          allowedTransitions
          openedAt
        }
        error {
          code
          message
        }
      }
    }
  }
`);

/** Each store is tagged on its own; the entries written share the change id. */
export const BulkTagStoresMutation = graphql(`
  mutation BulkTagStores($ids: [ID!]!, $add: [String!], $remove: [String!], $reason: String) {
    bulkTagStores(ids: $ids, add: $add, remove: $remove, reason: $reason) {
      succeeded
      failed
      changeId
      results {
        id
        ok
        store {
          ...StoreListItem
        }
        error {
          code
          message
        }
      }
    }
  }
`);

/** The tags in use, for the list's tag filter. */
export const StoreTagsQuery = graphql(`
  query StoreTags {
    storeTags {
      tag
      count
    }
  }
`);
