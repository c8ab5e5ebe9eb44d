import { graphql } from '$lib/graphql/generated/index.js';

export const HubRowFragment = graphql(`
  fragment HubRow on Hub {
    id
    name
    baseUrl
    appId
    status
    lastSeenAt
    mode
    createdAt
    devices {
      id
    }
    store {
      id
      name
    }
  }
`);

export const HubsQuery = graphql(`
  query Hubs {
    hubs {
      ...HubRow
    }
  }
`);

/** Stores a new hub can be assigned to: any but a decommissioned one, which no longer operates. */
export const HubStoreOptionsQuery = graphql(`
  query HubStoreOptions {
    stores(
      first: 200
      filter: { statuses: [DRAFT, PROVISIONING, ACTIVE, SUSPENDED] }
      orderBy: { field: NAME, direction: ASC }
    ) {
      edges {
        node {
          id
          name
          code
        }
      }
    }
  }
`);

export const RegisterHubMutation = graphql(`
  mutation RegisterHub($input: RegisterHubInput!) {
    registerHub(input: $input) {
      ...HubRow
    }
  }
`);

export const SyncHubMutation = graphql(`
  mutation SyncHub($id: ID!) {
    syncHub(id: $id) {
      ...HubRow
    }
  }
`);

export const RemoveHubMutation = graphql(`
  mutation RemoveHub($id: ID!) {
    removeHub(id: $id)
  }
`);
