import type { MailContent } from '@switchyard/shared/mail';
import { describeDuration } from './account-links.ts';

/*
 * What identity mails people. Each is plain words plus at most one link; renderMail turns it into
 * the HTML and plain-text parts. No mail repeats a secret other than its own link's token.
 */

const IGNORE = 'If you did not ask for this, you can ignore this email: nothing changes until the link is opened.';

export function passwordResetMail(name: string, url: string, ttlSeconds: number): MailContent {
  return {
    subject: 'Reset your Switchyard password',
    paragraphs: [
      `Hello ${name},`,
      `Someone (hopefully you) asked to reset the password of your Switchyard account. The link below works once, for ${describeDuration(ttlSeconds)}.`,
    ],
    action: { label: 'Choose a new password', url },
    footnote: IGNORE,
  };
}

export function passwordChangedMail(name: string, at: Date): MailContent {
  return {
    subject: 'Your Switchyard password was changed',
    paragraphs: [
      `Hello ${name},`,
      `The password of your Switchyard account was changed at ${at.toISOString()} with a reset link, and every session of the account was signed out.`,
      'If this was not you, ask an administrator to send you a new reset link and review your account at once.',
    ],
  };
}

export function invitationMail(input: {
  inviterName: string | null;
  role: string;
  url: string;
  expiresAt: Date;
}): MailContent {
  const who = input.inviterName ? `${input.inviterName} invited you` : 'You are invited';
  return {
    subject: 'You are invited to Switchyard',
    paragraphs: [
      `${who} to join Switchyard as ${input.role.toLowerCase()}.`,
      `Open the link to choose your name and password. It works once, until ${input.expiresAt.toISOString()}.`,
    ],
    action: { label: 'Accept the invitation', url: input.url },
    footnote: 'If you do not know why you got this, ignore it: no account is created without the link.',
  };
}

export function confirmEmailMail(name: string, url: string, ttlSeconds: number): MailContent {
  return {
    subject: 'Confirm your new Switchyard email address',
    paragraphs: [
      `Hello ${name},`,
      `Open the link to make this the email address of your Switchyard account. It works once, for ${describeDuration(ttlSeconds)}; until then the account keeps its current address.`,
    ],
    action: { label: 'Confirm this address', url },
    footnote: IGNORE,
  };
}

export function emailChangeRequestedMail(name: string, maskedNewEmail: string): MailContent {
  return {
    subject: 'A change of your Switchyard email address was requested',
    paragraphs: [
      `Hello ${name},`,
      `A change of your account's email address to ${maskedNewEmail} was requested. It takes effect only once the link sent to that address is opened.`,
      'If this was not you, change your password and tell an administrator.',
    ],
  };
}

export function emailChangedMail(name: string, newEmail: string): MailContent {
  return {
    subject: 'Your Switchyard email address was changed',
    paragraphs: [
      `Hello ${name},`,
      `Your account now signs in with ${newEmail}; this address no longer does.`,
      'If this was not you, tell an administrator at once.',
    ],
  };
}
