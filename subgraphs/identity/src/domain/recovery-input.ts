import { z } from 'zod';
import { displayNameSchema, emailSchema, passwordSchema } from './user-input.ts';

// Link tokens are `lk_` and 43 characters; anything much longer is not one and is not looked up.
const tokenSchema = z.string().trim().min(1, 'must not be empty').max(200, 'is not a link token');

export const linkTokenSchema = z.object({ token: tokenSchema });

export const resetPasswordSchema = z.object({ token: tokenSchema, newPassword: passwordSchema });

export const inviteUserSchema = z.object({ email: emailSchema, role: z.enum(['ADMIN', 'OPERATOR', 'VIEWER']) });

export const acceptInvitationSchema = z.object({
  token: tokenSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  device: z.string().min(16, 'must be at least 16 characters').max(128).nullish(),
});

export const requestEmailChangeSchema = z.object({
  newEmail: emailSchema,
  currentPassword: z.string().min(1, 'must not be empty').max(256),
});
