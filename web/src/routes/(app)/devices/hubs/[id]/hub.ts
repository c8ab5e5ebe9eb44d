import { graphql } from '$lib/graphql/generated/index.js';

export const HubDetailQuery = graphql(`
  query HubDetail($id: ID!) {
    hub(id: $id) {
      id
      name
      baseUrl
      appId
      status
      lastSeenAt
      mode
      hsmStatus
      store {
        id
        name
      }
      devices {
        id
      }
      variables {
        name
        type
        value
        updatedAt
      }
      events(first: 30) {
        id
        kind
        name
        value
        receivedAt
      }
    }
  }
`);

/** Read from the hub when asked, apart from the rest so an unreachable hub still shows its page. */
export const HubModesQuery = graphql(`
  query HubModes($id: ID!) {
    hub(id: $id) {
      id
      modes
    }
  }
`);

export const SetHubModeMutation = graphql(`
  mutation SetHubMode($hubId: ID!, $mode: String!) {
    setHubMode(hubId: $hubId, mode: $mode) {
      id
      mode
    }
  }
`);

export const SetHsmMutation = graphql(`
  mutation SetHsm($hubId: ID!, $arm: HsmCommand!) {
    setHsm(hubId: $hubId, arm: $arm) {
      id
      hsmStatus
    }
  }
`);

export const SetHubVariableMutation = graphql(`
  mutation SetHubVariable($hubId: ID!, $name: String!, $value: String!) {
    setHubVariable(hubId: $hubId, name: $name, value: $value) {
      name
      type
      value
      updatedAt
    }
  }
`);

export const HubEventSubscription = graphql(`
  subscription HubEventStream($hubId: ID!) {
    hubEvent(hubId: $hubId) {
      id
      kind
      name
      value
      receivedAt
    }
  }
`);
