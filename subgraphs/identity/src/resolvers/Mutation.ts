import { idempotencyRequest, parseInput } from '@switchyard/shared';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql.ts';
import type { User } from '../domain/types.ts';
import type { TwoFactorService } from '../services/two-factor.ts';
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
};
