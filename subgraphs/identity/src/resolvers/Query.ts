import { API_KEY_SCOPES, pageSize, parseInput, toConnection } from '@switchyard/shared';
import { linkTokenSchema } from '../domain/recovery-input.ts';
import type { QueryResolvers } from '../generated/graphql.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { principal, loaders }) => (principal ? loaders.userById.load(principal.userId) : null),

  users: async (_parent, { first, after }, { users }) => {
    const size = pageSize(first, { fallback: 50, max: 200 });
    const [rows, total] = await Promise.all([users.page(size, after ?? null), users.count()]);
    return toConnection(rows, size, users.cursorOf, total);
  },

  apiKeys: (_parent, _args, { principal, apiKeyService }) => apiKeyService.list(principal!),

  apiKeyScopes: () => [...API_KEY_SCOPES],

  twoFactorStatus: async (_parent, _args, { principal, twoFactor }) => ({
    ...(await twoFactor.status(principal!.userId)),
    required: Boolean(principal!.twoFactorEnrolmentRequired),
  }),
  invitations: (_parent, { status }, { invitations }) => invitations.list(status ?? null),

  invitation: (_parent, args, { invitations, principal, clientIp, userAgent }) =>
    invitations.preview(parseInput(linkTokenSchema, args).token, { principal, clientIp, userAgent }),
};
