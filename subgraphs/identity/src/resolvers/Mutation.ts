import { idempotencyRequest, parseInput } from '@switchyard/shared';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql.ts';
import { expiresAtSchema, rotationGraceSchema } from '../domain/api-key-input.ts';
import { auditContextOf } from '../domain/audit-context.ts';
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

  logout: async (_parent, _args, { principal, auth, clientIp, userAgent }) => {
    await auth.logout({ userId: principal!.userId, sessionId: principal!.sessionId! }, { clientIp, userAgent });
    return true;
  },

  updateMyProfile: (_parent, { displayName }, { principal, users }) =>
    users.updateDisplayName(principal!.userId, parseInput(displayNameSchema, displayName, 'displayName')),

  changePassword: async (_parent, args, { principal, auth, clientIp, userAgent }) => {
    const { currentPassword, newPassword } = parseInput(changePasswordSchema, args);
    await auth.changePassword(principal!, currentPassword, newPassword, { clientIp, userAgent });
    return true;
  },

  logoutEverywhere: (_parent, _args, { principal, auth, clientIp, userAgent }) =>
    auth.logoutEverywhere(principal!.userId, { clientIp, userAgent }),

  createUser: (_parent, { input, idempotencyKey }, { principal, userAdmin, clientIp, userAgent }) =>
    userAdmin.create(
      parseInput(createUserSchema, input, 'input'),
      // The password stays out of the fingerprint, which is a fast hash kept for 24 h.
      idempotencyRequest(idempotencyKey, principal, 'createUser', { input: { ...input, password: undefined } }),
      auditContextOf(principal, clientIp, userAgent),
    ),

  updateUserRole: (_parent, { id, role }, { principal, userAdmin, clientIp, userAgent }) =>
    userAdmin.updateRole(id, role, auditContextOf(principal, clientIp, userAgent)),

  deactivateUser: (_parent, { id }, { principal, userAdmin, clientIp, userAgent }) =>
    userAdmin.deactivate(id, auditContextOf(principal, clientIp, userAgent)),

  createApiKey: (_parent, { idempotencyKey, expiresAt, ...args }, { principal, apiKeyService, clientIp, userAgent }) =>
    apiKeyService.create(
      principal!,
      {
        ...parseInput(createApiKeySchema, args),
        expiresAt: parseInput(
          expiresAtSchema(() => new Date()),
          expiresAt,
          'expiresAt',
        ),
      },
      // A repeat with another expiry is another request: the expiry is part of the fingerprint.
      idempotencyRequest(idempotencyKey, principal, 'createApiKey', {
        ...args,
        ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
      }),
      auditContextOf(principal, clientIp, userAgent),
    ),

  revokeApiKey: (_parent, { id }, { principal, apiKeyService, clientIp, userAgent }) =>
    apiKeyService.revoke(principal!, id, auditContextOf(principal, clientIp, userAgent)),

  rotateApiKey: (_parent, { id, gracePeriodSeconds }, { principal, apiKeyService, clientIp, userAgent }) =>
    apiKeyService.rotate(
      principal!,
      id,
      parseInput(rotationGraceSchema, gracePeriodSeconds, 'gracePeriodSeconds'),
      auditContextOf(principal, clientIp, userAgent),
    ),

  revokeSession: (_parent, { id }, { principal, sessionService, clientIp, userAgent }) =>
    sessionService.revoke(principal!, id, auditContextOf(principal, clientIp, userAgent)),
};
