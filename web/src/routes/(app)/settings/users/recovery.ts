import { graphql } from '$lib/graphql/generated/index.js';

export const InvitationRowFragment = graphql(`
  fragment InvitationRow on Invitation {
    id
    email
    role
    status
    createdAt
    sentAt
    expiresAt
    invitedBy {
      id
      displayName
    }
  }
`);

export const InvitationsQuery = graphql(`
  query Invitations {
    invitations {
      ...InvitationRow
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      ...InvitationRow
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      ...InvitationRow
    }
  }
`);

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      ...InvitationRow
    }
  }
`);

export const SendPasswordResetLinkMutation = graphql(`
  mutation SendPasswordResetLink($id: ID!) {
    sendPasswordResetLink(id: $id)
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      deactivatedAt
    }
  }
`);
