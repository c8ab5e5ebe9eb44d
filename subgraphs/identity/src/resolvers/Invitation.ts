import type { InvitationResolvers } from '../generated/graphql.ts';

export const Invitation: InvitationResolvers = {
  invitedBy: (invitation, _args, context) =>
    invitation.invitedById ? context.loaders.userById.load(invitation.invitedById) : null,
};
