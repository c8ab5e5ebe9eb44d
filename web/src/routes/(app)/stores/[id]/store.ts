import { graphql } from '$lib/graphql/generated/index.js';

export const StoreQuery = graphql(`
  query Store($id: ID!) {
    store(id: $id) {
      ...StoreDetail
    }
  }
`);

/** How many history entries the page shows first (its load asks for them, the page shares the answer). */
export const AUDIT_PAGE = 20;

export const StoreAuditQuery = graphql(`
  query StoreAudit($id: ID!, $first: Int, $after: String) {
    store(id: $id) {
      id
      auditLog(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...StoreAuditEntryFields
          }
        }
      }
    }
  }
`);

export const UpdateStoreMutation = graphql(`
  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {
    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...StoreDetail
    }
  }
`);

export const TransitionStoreMutation = graphql(`
  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {
    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {
      ...StoreDetail
    }
  }
`);

export const CompleteStepMutation = graphql(`
  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {
    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {
      ...StoreDetail
    }
  }
`);

export const SetStoreTagsMutation = graphql(`
  mutation SetStoreTags($id: ID!, $expectedVersion: Int!, $tags: [String!]!) {
    setStoreTags(id: $id, expectedVersion: $expectedVersion, tags: $tags) {
      ...StoreDetail
    }
  }
`);
