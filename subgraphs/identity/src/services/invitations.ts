import { BadUserInputError, NotFoundError, isUuid, type Role } from '@switchyard/shared';
import { linkUrl, newLinkToken, type Invitation, type InvitationStatus } from '../domain/account-links.ts';
import { invitationMail } from '../domain/account-mails.ts';
import { hashPassword } from '../domain/passwords.ts';
import { hashSecret } from '../domain/secrets.ts';
import type { User } from '../domain/types.ts';
import type { ClientInfo } from './auth-service.ts';
import { claimLinkAttempt, eventOf, type Caller, type RecoveryDeps } from './recovery-deps.ts';

export type Invitations = ReturnType<typeof createInvitations>;

export const INVITATION_PATH = '/invitation';

interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  user: User;
}

const REFUSALS: Record<Exclude<InvitationStatus, 'PENDING'> | 'INVALID', string> = {
  INVALID: 'This invitation link is not valid: check that it was copied whole, or ask for a new one',
  ACCEPTED: 'This invitation was already accepted: sign in instead',
  REVOKED: 'This invitation was revoked: ask an administrator for a new one',
  EXPIRED: 'This invitation has expired: ask an administrator to resend it',
};

/** BAD_USER_INPUT on the token's field, with extensions.reason so a page can say what to do. */
const refused = (field: string, reason: keyof typeof REFUSALS) =>
  new BadUserInputError(field, REFUSALS[reason], { reason });

/** Invitations: an admin invites an address with a role; whoever opens the link creates that account. */
export function createInvitations(
  deps: RecoveryDeps & { startSession: (user: User, client: ClientInfo) => Promise<SignedIn> },
) {
  const { users, invitations, throttle, mail, config, now = () => new Date() } = deps;
  const ttl = config.recovery.invitationTtlSeconds;

  async function mailLink(invitation: Invitation, token: string, caller: Caller) {
    const inviter = caller.principal ? await users.findById(caller.principal.userId) : null;
    mail.send(
      invitation.email,
      invitationMail({
        inviterName: inviter?.displayName ?? null,
        role: invitation.role,
        url: linkUrl(config.publicUrl, INVITATION_PATH, token),
        expiresAt: invitation.expiresAt,
      }),
    );
  }

  async function existing(id: string, found: Invitation | null): Promise<Invitation> {
    if (!found) throw new NotFoundError('Invitation', id);
    return found;
  }

  const invitationEvent =
    (type: 'INVITATION_SENT' | 'INVITATION_REVOKED', caller: Caller, detail: object) => (invitation: Invitation) => ({
      type,
      ...eventOf(caller),
      subjectUserId: null,
      email: invitation.email,
      detail: { invitationId: invitation.id, role: invitation.role, ...detail },
    });

  return {
    list: (status: InvitationStatus | null) => invitations.list(status),

    async invite(input: { email: string; role: Role }, caller: Caller): Promise<Invitation> {
      const { token, hash } = newLinkToken();
      const invitation = await invitations.create(
        {
          ...input,
          invitedById: caller.principal?.userId ?? null,
          tokenHash: hash,
          expiresAt: new Date(now().getTime() + ttl * 1000),
        },
        invitationEvent('INVITATION_SENT', caller, { resent: false }),
      );
      await mailLink(invitation, token, caller);
      return invitation;
    },

    async revoke(id: string, caller: Caller): Promise<Invitation> {
      return existing(
        id,
        isUuid(id) ? await invitations.revoke(id, invitationEvent('INVITATION_REVOKED', caller, {})) : null,
      );
    },

    async resend(id: string, caller: Caller): Promise<Invitation> {
      const { token, hash } = newLinkToken();
      const invitation = await existing(
        id,
        isUuid(id)
          ? await invitations.renew(
              id,
              hash,
              new Date(now().getTime() + ttl * 1000),
              invitationEvent('INVITATION_SENT', caller, { resent: true }),
            )
          : null,
      );
      await mailLink(invitation, token, caller);
      return invitation;
    },

    /** What the acceptance page shows; the same refusals as accept. */
    async preview(token: string, caller: Caller) {
      const attempt = await claimLinkAttempt(throttle, caller, now());
      const invitation = await invitations.findByTokenHash(hashSecret(token));
      if (!invitation) throw refused('token', 'INVALID');
      await attempt.release();
      if (invitation.status !== 'PENDING') throw refused('token', invitation.status);
      const inviter = invitation.invitedById ? await users.findById(invitation.invitedById) : null;
      return { ...invitation, invitedByName: inviter?.displayName ?? null };
    },

    async accept(
      input: { token: string; displayName: string; password: string; device?: string | null },
      caller: Caller,
    ): Promise<SignedIn> {
      const at = now();
      const attempt = await claimLinkAttempt(throttle, caller, at);
      const passwordHash = await hashPassword(input.password, config.passwordHashing.memoryKib);
      const outcome = await invitations.accept(
        hashSecret(input.token),
        { displayName: input.displayName, passwordHash },
        (user, invitation) => {
          const common = {
            ...eventOf(caller),
            actor: { userId: user.id },
            subjectUserId: user.id,
            email: user.email,
            at,
          };
          return [
            { type: 'INVITATION_ACCEPTED', ...common, detail: { invitationId: invitation.id } },
            {
              type: 'USER_CREATED',
              ...common,
              actor: { userId: invitation.invitedById },
              detail: { role: user.role, via: 'invitation' },
            },
          ];
        },
      );
      // Only unknown tokens keep their claim: following a revoked or used link is a mistake, not a guess.
      if (!('refused' in outcome) || outcome.refused !== 'INVALID') await attempt.release();
      if ('refused' in outcome) throw refused('input.token', outcome.refused);
      return deps.startSession(outcome.user, {
        clientIp: caller.clientIp,
        userAgent: caller.userAgent,
        deviceId: input.device ?? null,
      });
    },
  };
}
