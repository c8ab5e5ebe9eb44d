import { idempotencyRequest, parseInput } from '@switchyard/shared';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql.ts';
import type { User } from '../domain/types.ts';
import type { TwoFactorService } from '../services/two-factor.ts';
import { expiresAtSchema, rotationGraceSchema } from '../domain/api-key-input.ts';
import { auditContextOf } from '../domain/audit-context.ts';
import {
  changePasswordSchema,
  createApiKeySchema,
  createUserSchema,
  displayNameSchema,
  emailSchema,
} from '../domain/user-input.ts';
import {
  acceptInvitationSchema,
  inviteUserSchema,
  linkTokenSchema,
  requestEmailChangeSchema,
  resetPasswordSchema,
} from '../domain/recovery-input.ts';

const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(256),
  device: z.string().min(16, 'must be at least 16 characters').max(128).nullish(),
});

// A 6-digit code or a recovery code (16 symbols, with dashes or spaces as typed).
const secondFactorCodeSchema = z.object({ code: z.string().trim().min(6, 'must be at least 6 characters').max(40) });
// Challenge tokens are `tfc_` and 43 characters.
const completeSignInSchema = secondFactorCodeSchema.extend({ challengeToken: z.string().min(1).max(200) });

// Refresh tokens are `rt_` and 43 characters; anything much longer is not one.
const refreshSchema = z.object({ refreshToken: z.string().min(1).max(200) });

/** A new session says whether REQUIRE_2FA_FOR_ADMINS holds its admin back: the web app then opens enrolment. */
async function withEnrolmentFlag<P extends { user: User }>(payload: P, twoFactor: TwoFactorService) {
  return { ...payload, twoFactorEnrolmentRequired: await twoFactor.enrolmentRequired(payload.user) };
}

export const Mutation: MutationResolvers = {
  login: async (_parent, args, { auth, twoFactor, clientIp, userAgent }) => {
    const { email, password, device } = parseInput(loginSchema, args);
    const result = await auth.login(email, password, { clientIp, userAgent, deviceId: device });
    return 'secondFactor' in result
      ? { ...result, twoFactorEnrolmentRequired: false }
      : { ...(await withEnrolmentFlag(result, twoFactor)), secondFactor: null };
  },

  completeSignIn: async (_parent, args, { auth, twoFactor, clientIp, userAgent }) => {
    const { challengeToken, code } = parseInput(completeSignInSchema, args);
    return withEnrolmentFlag(await auth.completeSignIn(challengeToken, code, { clientIp, userAgent }), twoFactor);
  },

  beginTwoFactorEnrolment: (_parent, _args, { principal, twoFactor }) => twoFactor.beginEnrolment(principal!.userId),

  confirmTwoFactorEnrolment: (_parent, args, { principal, twoFactor, clientIp, userAgent }) =>
    twoFactor.confirmEnrolment(
      { userId: principal!.userId, origin: { ipAddress: clientIp, userAgent } },
      parseInput(secondFactorCodeSchema, args).code,
    ),

  regenerateRecoveryCodes: (_parent, args, { principal, twoFactor, clientIp, userAgent }) =>
    twoFactor.regenerateRecoveryCodes(
      { userId: principal!.userId, origin: { ipAddress: clientIp, userAgent } },
      parseInput(secondFactorCodeSchema, args).code,
    ),

  disableTwoFactor: async (_parent, args, { principal, twoFactor, clientIp, userAgent }) => {
    await twoFactor.disable(
      { userId: principal!.userId, origin: { ipAddress: clientIp, userAgent } },
      parseInput(secondFactorCodeSchema, args).code,
    );
    return true;
  },

  refreshSession: async (_parent, args, { auth, twoFactor }) =>
    withEnrolmentFlag(await auth.refresh(parseInput(refreshSchema, args).refreshToken), twoFactor),

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

  requestPasswordReset: async (_parent, args, { passwordReset, principal, clientIp, userAgent }) => {
    await passwordReset.request(parseInput(emailSchema, args.email, 'email'), { principal, clientIp, userAgent });
    return true;
  },

  resetPassword: async (_parent, args, { passwordReset, principal, clientIp, userAgent }) => {
    const { token, newPassword } = parseInput(resetPasswordSchema, args);
    await passwordReset.reset(token, newPassword, { principal, clientIp, userAgent });
    return true;
  },

  sendPasswordResetLink: async (_parent, { id }, { passwordReset, principal, clientIp, userAgent }) => {
    await passwordReset.sendLink(id, { principal, clientIp, userAgent });
    return true;
  },

  inviteUser: (_parent, { input }, { invitations, principal, clientIp, userAgent }) =>
    invitations.invite(parseInput(inviteUserSchema, input, 'input'), { principal, clientIp, userAgent }),

  revokeInvitation: (_parent, { id }, { invitations, principal, clientIp, userAgent }) =>
    invitations.revoke(id, { principal, clientIp, userAgent }),

  resendInvitation: (_parent, { id }, { invitations, principal, clientIp, userAgent }) =>
    invitations.resend(id, { principal, clientIp, userAgent }),

  acceptInvitation: async (_parent, { input }, { invitations, twoFactor, principal, clientIp, userAgent }) =>
    withEnrolmentFlag(
      await invitations.accept(parseInput(acceptInvitationSchema, input, 'input'), { principal, clientIp, userAgent }),
      twoFactor,
    ),

  reactivateUser: (_parent, { id }, { accountLifecycle, principal, clientIp, userAgent }) =>
    accountLifecycle.reactivate(id, { principal, clientIp, userAgent }),

  requestEmailChange: async (_parent, args, { accountLifecycle, principal, clientIp, userAgent }) => {
    const { newEmail, currentPassword } = parseInput(requestEmailChangeSchema, args);
    await accountLifecycle.requestOwnChange(newEmail, currentPassword, { principal, clientIp, userAgent });
    return true;
  },

  requestUserEmailChange: async (_parent, { id, newEmail }, { accountLifecycle, principal, clientIp, userAgent }) => {
    const email = parseInput(emailSchema, newEmail, 'newEmail');
    await accountLifecycle.requestChangeFor(id, email, { principal, clientIp, userAgent });
    return true;
  },

  confirmEmailChange: async (_parent, args, { accountLifecycle, principal, clientIp, userAgent }) => {
    await accountLifecycle.confirmChange(parseInput(linkTokenSchema, args).token, { principal, clientIp, userAgent });
    return true;
  },

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
