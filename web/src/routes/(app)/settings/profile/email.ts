import { graphql } from '$lib/graphql/generated/index.js';

export const RequestEmailChangeMutation = graphql(`
  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)
  }
`);
