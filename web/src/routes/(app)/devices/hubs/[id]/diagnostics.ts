import { graphql } from '$lib/graphql/generated/index.js';

export const HubDiagnosticsQuery = graphql(`
  query HubDiagnostics($id: ID!) {
    hub(id: $id) {
      id
      name
      status
      diagnostics {
        lastEventAt
        lastRepairAt
        postUrlPointsHere
        expectedPostUrl
        warnings {
          code
          message
        }
      }
    }
  }
`);

export const TestHubEventsMutation = graphql(`
  mutation TestHubEvents($hubId: ID!) {
    testHubEvents(hubId: $hubId) {
      ok
      roundTripMs
      message
    }
  }
`);
