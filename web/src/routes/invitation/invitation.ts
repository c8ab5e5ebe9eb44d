import { graphql } from '$lib/graphql/generated/index.js';

export const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      email
      role
      expiresAt
      invitedByName
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      ...AuthPayloadFields
    }
  }
`);

/** What each refusal of an invitation link tells the invitee (extensions.reason). */
export const REFUSED: Record<string, string> = {
  INVALID: 'This invitation link is not valid. Check that it was copied whole, or ask for a new invitation.',
  ACCEPTED: 'This invitation was already accepted. Sign in instead.',
  REVOKED: 'This invitation was revoked. Ask an administrator for a new one.',
  EXPIRED: 'This invitation has expired. Ask an administrator to send it again.',
};
