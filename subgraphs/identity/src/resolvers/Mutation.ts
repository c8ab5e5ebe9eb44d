import { idempotencyRequest, parseInput } from '@switchyard/shared';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql.ts';
import {
  changePasswordSchema,
  createApiKeySchema,
  createUserSchema,
  displayNameSchema,
  emailSchema,
} from '../domain/user-input.ts';

const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(256),
  device: z.string().min(16, 'must be at least 16 characters').max(128).nullish(),
});

// Refresh tokens are `rt_` and 43 characters; anything much longer is not one.
const refreshSchema = z.object({ refreshToken: z.string().min(1).max(200) });

export const Mutation: MutationResolvers = {
  login: async (_parent, args, { auth, clientIp, userAgent }) => {
    const { email, password, device } = parseInput(loginSchema, args);
    return auth.login(email, password, { clientIp, userAgent, deviceId: device });
  },

  refreshSession: (_parent, args, { auth }) => auth.refresh(parseInput(refreshSchema, args).refreshToken),

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

  createUser: (_parent, { input, idempotencyKey }, { principal, userAdmin }) =>
    userAdmin.create(
      parseInput(createUserSchema, input, 'input'),
      // The password stays out of the fingerprint, which is a fast hash kept for 24 h.
      idempotencyRequest(idempotencyKey, principal, 'createUser', { input: { ...input, password: undefined } }),
    ),

  updateUserRole: (_parent, { id, role }, { userAdmin }) => userAdmin.updateRole(id, role),

  deactivateUser: (_parent, { id }, { userAdmin }) => userAdmin.deactivate(id),

  createApiKey: (_parent, { idempotencyKey, ...args }, { principal, apiKeyService }) =>
    apiKeyService.create(
      principal!,
      parseInput(createApiKeySchema, args),
      idempotencyRequest(idempotencyKey, principal, 'createApiKey', args),
    ),

  revokeApiKey: (_parent, { id }, { principal, apiKeyService }) => apiKeyService.revoke(principal!, id),
};
