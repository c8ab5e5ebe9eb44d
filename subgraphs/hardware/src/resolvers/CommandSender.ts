import type { CommandSenderResolvers } from '../generated/graphql.ts';

export const CommandSender: CommandSenderResolvers = {
  // A reference: identity resolves the user's name through the gateway.
  user: (sender) => ({ id: sender.userId }),
};
