// The silences tab.
import { graphql } from '$lib/graphql/generated/index.js';

export const SilenceFieldsFragment = graphql(`
  fragment SilenceFields on Silence {
    id
    matcher
    until
    reason
    createdAt
    createdBy {
      id
      displayName
    }
  }
`);

export const SilencesQuery = graphql(`
  query MonitoringSilences {
    silences {
      ...SilenceFields
    }
  }
`);

export const CreateSilenceMutation = graphql(`
  mutation CreateSilence($matcher: String!, $until: DateTime!, $reason: String!) {
    createSilence(matcher: $matcher, until: $until, reason: $reason) {
      ...SilenceFields
    }
  }
`);

export const UpdateSilenceMutation = graphql(`
  mutation UpdateSilence($id: ID!, $input: SilencePatch!) {
    updateSilence(id: $id, input: $input) {
      ...SilenceFields
    }
  }
`);

export const ExpireSilenceMutation = graphql(`
  mutation ExpireSilence($id: ID!) {
    expireSilence(id: $id) {
      ...SilenceFields
    }
  }
`);
