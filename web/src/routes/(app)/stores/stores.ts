import { graphql } from '$lib/graphql/generated/index.js';

export const StoresQuery = graphql(`
  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {
    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
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
