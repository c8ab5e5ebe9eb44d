import { API_KEY_SCOPES, pageSize, parseInput, toConnection } from '@switchyard/shared';
import { linkTokenSchema } from '../domain/recovery-input.ts';
import { securityEventFilterSchema } from '../domain/security-event-filter.ts';
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
  mySessions: (_parent, _args, { principal, sessionService }) => sessionService.mine(principal!),

  userSessions: (_parent, { userId }, { sessionService, users }) =>
    sessionService.ofUser(userId, async (id) => (await users.findById(id)) !== null),

  securityEvents: async (_parent, { filter, first, after }, { securityLog }) => {
    const size = pageSize(first, { fallback: 50, max: 200 });
    const where = parseInput(securityEventFilterSchema, filter ?? {}, 'filter');
    const [rows, total] = await Promise.all([securityLog.page(where, size, after ?? null), securityLog.count(where)]);
    return toConnection(rows, size, securityLog.cursorOf, total);
  },
};
