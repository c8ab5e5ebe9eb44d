import { ConflictError, type Role } from '@switchyard/shared';
import type { Invitation as InvitationRow, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { invitationStatus, type Invitation, type InvitationStatus } from '../domain/account-links.ts';
import type { SecurityEventInput } from '../domain/security-events.ts';
import type { User } from '../domain/types.ts';
import type { InvitationRepository } from './repositories.ts';
import { recordSecurityEvent } from './security-log-repository.ts';

/** The newest invitations an admin sees at once. */
export const INVITATION_LIST_LIMIT = 200;

/** Invitations: every change commits with its security-log entry. */
export function createInvitationRepository(db: PrismaClient, now: () => Date = () => new Date()): InvitationRepository {
  const toInvitation = (row: InvitationRow): Invitation => {
    const { tokenHash: _hash, userId: _user, ...rest } = row;
    return { ...rest, status: invitationStatus(row, now()) };
  };

  /** A status as a condition on the timestamps, so a filtered list is one indexed query. */
  function whereStatus(status: InvitationStatus | null, at: Date): Prisma.InvitationWhereInput {
    switch (status) {
      case 'ACCEPTED':
        return { acceptedAt: { not: null } };
      case 'REVOKED':
        return { acceptedAt: null, revokedAt: { not: null } };
      case 'EXPIRED':
        return { acceptedAt: null, revokedAt: null, expiresAt: { lte: at } };
      case 'PENDING':
        return { acceptedAt: null, revokedAt: null, expiresAt: { gt: at } };
      default:
        return {};
    }
  }

  /** Locks the row, so a revoke, a resend and an acceptance of one invitation happen one after another. */
  async function locked(tx: Prisma.TransactionClient, where: { id: string } | { tokenHash: string }) {
    const [row] =
      'id' in where
        ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Invitation" WHERE "id" = ${where.id}::uuid FOR UPDATE`
        : await tx.$queryRaw<
            { id: string }[]
          >`SELECT "id" FROM "Invitation" WHERE "tokenHash" = ${where.tokenHash} FOR UPDATE`;
    return row ? tx.invitation.findUnique({ where: { id: row.id } }) : null;
  }

  return {
    async findById(id: string): Promise<Invitation | null> {
      const row = await db.invitation.findUnique({ where: { id } });
      return row && toInvitation(row);
    },

    async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
      const row = await db.invitation.findUnique({ where: { tokenHash } });
      return row && toInvitation(row);
    },

    async list(status: InvitationStatus | null): Promise<Invitation[]> {
      const rows = await db.invitation.findMany({
        where: whereStatus(status, now()),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: INVITATION_LIST_LIMIT,
      });
      return rows.map(toInvitation);
    },

    /** CONFLICT (field input.email) when an account or a pending invitation has the address. */
    async create(
      input: { email: string; role: Role; invitedById: string | null; tokenHash: string; expiresAt: Date },
      event: (invitation: Invitation) => SecurityEventInput,
    ): Promise<Invitation> {
      const row = await db.$transaction(async (tx) => {
        // Serialises invitations of one address, so two admins cannot both invite it.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invitation:${input.email}`}))`;
        if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
          throw new ConflictError('An account with this email address exists', { field: 'input.email' });
        if (await tx.invitation.count({ where: { email: input.email, ...whereStatus('PENDING', now()) } }))
          throw new ConflictError('This address has a pending invitation: resend it instead', {
            field: 'input.email',
          });
        const created = await tx.invitation.create({ data: input });
        await recordSecurityEvent(tx, event(toInvitation(created)));
        return created;
      });
      return toInvitation(row);
    },

    /** Null when there is no such invitation; CONFLICT when it is no longer pending. */
    async revoke(id: string, event: (invitation: Invitation) => SecurityEventInput): Promise<Invitation | null> {
      const row = await db.$transaction(async (tx) => {
        const current = await locked(tx, { id });
        if (!current) return null;
        const status = invitationStatus(current, now());
        if (status !== 'PENDING') throw new ConflictError(`This invitation is ${status.toLowerCase()}, not pending`);
        const revoked = await tx.invitation.update({ where: { id }, data: { revokedAt: now() } });
        await recordSecurityEvent(tx, event(toInvitation(revoked)));
        return revoked;
      });
      return row && toInvitation(row);
    },

    /** A new token and expiry (the old link dies). Null when there is none; CONFLICT once accepted or revoked. */
    async renew(
      id: string,
      tokenHash: string,
      expiresAt: Date,
      event: (invitation: Invitation) => SecurityEventInput,
    ): Promise<Invitation | null> {
      const row = await db.$transaction(async (tx) => {
        const current = await locked(tx, { id });
        if (!current) return null;
        const status = invitationStatus(current, now());
        if (status === 'ACCEPTED' || status === 'REVOKED')
          throw new ConflictError(`This invitation is ${status.toLowerCase()}: invite the address again instead`);
        const renewed = await tx.invitation.update({ where: { id }, data: { tokenHash, expiresAt, sentAt: now() } });
        await recordSecurityEvent(tx, event(toInvitation(renewed)));
        return renewed;
      });
      return row && toInvitation(row);
    },

    /**
     * Creates the invited account and marks the invitation accepted, in one transaction. Answers the
     * invitation's status instead when it is not pending ('INVALID' for an unknown token); CONFLICT
     * (field input.token) when an account with the address was created meanwhile.
     */
    async accept(
      tokenHash: string,
      account: { displayName: string; passwordHash: string },
      events: (user: User, invitation: Invitation) => SecurityEventInput[],
    ): Promise<{ user: User } | { refused: Exclude<InvitationStatus, 'PENDING'> | 'INVALID' }> {
      return db.$transaction(async (tx) => {
        const current = await locked(tx, { tokenHash });
        if (!current) return { refused: 'INVALID' as const };
        const status = invitationStatus(current, now());
        if (status !== 'PENDING') return { refused: status };
        if (await tx.user.findUnique({ where: { email: current.email }, select: { id: true } }))
          throw new ConflictError('An account with this email address exists: sign in instead', {
            field: 'input.token',
          });
        const row = await tx.user.create({
          data: { email: current.email, role: current.role, lastLoginAt: now(), ...account },
        });
        const accepted = await tx.invitation.update({
          where: { id: current.id },
          data: { acceptedAt: now(), userId: row.id },
        });
        const { passwordHash: _hash, updatedAt: _updated, ...user } = row;
        for (const event of events(user, toInvitation(accepted))) await recordSecurityEvent(tx, event);
        return { user };
      });
    },
  };
}
