import { NotFoundError, parseInput } from '@switchyard/shared';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql.ts';
import { changePasswordSchema, createApiKeySchema, createUserSchema, displayNameSchema, emailSchema } from '../domain/user-input.ts';
import { newSecret } from '../domain/secrets.ts';

const loginSchema = z.object({ email: emailSchema, password: z.string().min(1, 'must not be empty').max(256) });

export const Mutation: MutationResolvers = {
  login: async (_parent, args, { auth, clientIp, userAgent }) => {
    const { email, password } = parseInput(loginSchema, args);
    return auth.login(email, password, { clientIp, userAgent });
  },

  refreshSession: (_parent, { refreshToken }, { auth }) => auth.refresh(refreshToken),

  logout: async (_parent, _args, { principal, auth }) => {
    await auth.logout(principal!.sessionId!);
    return true;
  },

  updateMyProfile: (_parent, { displayName }, { principal, users }) =>
    users.updateDisplayName(principal!.userId, parseInput(displayNameSchema, displayName, 'displayName')),

  changePassword: async (_parent, args, { principal, auth, clientIp, userAgent }) => {
    const { currentPassword, newPassword } = parseInput(changePasswordSchema, args);
    await auth.changePassword(principal!, currentPassword, newPassword, { clientIp, userAgent });
    return true;
  },

  logoutEverywhere: (_parent, _args, { principal, auth }) => auth.logoutEverywhere(principal!.userId),

  createUser: (_parent, { input }, { userAdmin }) => userAdmin.create(parseInput(createUserSchema, input, 'input')),

  updateUserRole: (_parent, { id, role }, { userAdmin }) => userAdmin.updateRole(id, role),

  deactivateUser: (_parent, { id }, { userAdmin }) => userAdmin.deactivate(id),

  createApiKey: async (_parent, args, { principal, apiKeys }) => {
    const { name, scopes } = parseInput(createApiKeySchema, args);
    const { secret, hash } = newSecret('sk');
    const apiKey = await apiKeys.create({ userId: principal!.userId, name, scopes, secretHash: hash });
    return { secret, apiKey };
  },

  revokeApiKey: async (_parent, { id }, { principal, apiKeys }) => {
    const key = await apiKeys.findById(id);
    // Someone else's key is reported as missing, so key ids cannot be probed.
    if (!key || (key.userId !== principal!.userId && principal!.role !== 'ADMIN')) throw new NotFoundError('ApiKey', id);
    return apiKeys.revoke(id, new Date());
  },
};
