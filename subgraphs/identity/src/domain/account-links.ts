import { randomBytes } from 'node:crypto';
import type { Role } from '@switchyard/shared';
import { hashSecret } from './secrets.ts';

/*
 * Links mailed to people: password resets, email-change confirmations and invitations. Each holds a
 * 256-bit random token; only its SHA-256 is stored (the token is as strong as a key, so a fast hash
 * suffices), and a link works once, until it expires.
 */

export const ACCOUNT_LINK_PURPOSES = ['PASSWORD_RESET', 'EMAIL_CHANGE'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

export function newLinkToken(): { token: string; hash: string } {
  const token = `lk_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecret(token) };
}

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invitedById: string | null;
  createdAt: Date;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** An invitation's status follows from its timestamps; expiry needs no job to mark it. */
export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  return invitation.expiresAt <= now ? 'EXPIRED' : 'PENDING';
}

/** The link a person opens in the web app: `/reset-password?token=…` at the public origin. */
export function linkUrl(publicUrl: string, path: string, token: string): string {
  return `${publicUrl}${path}?token=${encodeURIComponent(token)}`;
}

/** "a•••@example.com": enough for the owner to recognise, not a full address to a mailbox that may not be theirs. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/** Minutes or hours, for "this link works for 30 minutes". */
export function describeDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds % 3_600 === 0) return plural(seconds / 3_600, 'hour');
  return plural(Math.max(1, Math.round(seconds / 60)), 'minute');
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
