import {
  ConflictError,
  NotFoundError,
  appendToOutbox,
  decodeCursor,
  encodeCursor,
  entityById,
  idempotent,
  type Role,
} from '@switchyard/shared';
import type { Prisma, PrismaClient, User as UserRow } from '../generated/prisma/client.ts';
import { userDeactivatedEvent, userRoleChangedEvent } from '../domain/credential-events.ts';
import type { SecurityEventInput } from '../domain/security-events.ts';
import type { User } from '../domain/types.ts';
import type { UserRepository } from './repositories.ts';
import { recordSecurityEvent } from './security-log-repository.ts';
import { revokeSessions } from './session-repository.ts';

/** `onCommitted` is told after a transaction that recorded events commits (the outbox relay publishes them). */
export function createUserRepository(db: PrismaClient, onCommitted: () => void): UserRepository {
  return {
    async findById(id: string): Promise<User | null> {
      return toUser(await db.user.findUnique({ where: { id } }));
    },

    async findManyByIds(ids: readonly string[]): Promise<User[]> {
      const rows = await db.user.findMany({ where: { id: { in: [...ids] } } });
      return rows.map((row) => toUser(row)!);
    },

    async findCredentialsByEmail(email: string) {
      const row = await db.user.findUnique({ where: { email } });
      return row ? { user: toUser(row)!, passwordHash: row.passwordHash } : null;
    },

    async count(): Promise<number> {
      return db.user.count();
    },

    async countActiveAdmins(): Promise<number> {
      return db.user.count({ where: { role: 'ADMIN', deactivatedAt: null } });
    },

    async page(size: number, after: string | null) {
      const [createdAt, id] = after ? decodeCursor(after) : [];
      const rows = await db.user.findMany({
        where: after
          ? {
              OR: [
                { createdAt: { gt: new Date(createdAt!) } },
                { createdAt: new Date(createdAt!), id: { gt: String(id) } },
              ],
            }
          : {},
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: size + 1,
      });
      return rows.map((row) => toUser(row)!);
    },

    cursorOf(user: User): string {
      return encodeCursor([user.createdAt.toISOString(), user.id]);
    },

    async create(input, idempotency = null, audit = null): Promise<User> {
      return db.$transaction((tx) =>
        idempotent(
          tx,
          idempotency,
          async () => {
            // Inside the guard: a repeat answers the first user instead of tripping over its email.
            if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
              throw new ConflictError('A user with this email already exists', { field: 'input.email' });
            const user = toUser(await tx.user.create({ data: input }))!;
            // Inside the guard too: a repeat records nothing.
            if (audit)
              await recordSecurityEvent(tx, {
                ...audit,
                subjectUserId: user.id,
                detail: { ...audit.detail, role: user.role, email: user.email },
              });
            return user;
          },
          entityById(
            async (id) => toUser(await tx.user.findUnique({ where: { id } })),
            (id) => new NotFoundError('User', id),
          ),
        ),
      );
    },

    async updateRole(id: string, role: Role, audit: SecurityEventInput | null = null): Promise<User> {
      const { row, changed } = await db.$transaction(async (tx) => {
        // The admins first, then the user (as deactivate does), so two changes never wait on each other in a circle.
        if (role !== 'ADMIN') await keepAnActiveAdmin(tx, id);
        // Locked, so two concurrent changes each record the role they replaced.
        const [before] = await tx.$queryRaw<
          { role: Role }[]
        >`SELECT "role" FROM "User" WHERE "id" = ${id}::uuid FOR UPDATE`;
        const updated = await tx.user.update({ where: { id }, data: { role } });
        const changed = before !== undefined && before.role !== role;
        if (changed) await appendToOutbox(tx, userRoleChangedEvent(id, before.role, role));
        if (changed && audit)
          await recordSecurityEvent(tx, { ...audit, detail: { ...audit.detail, from: before.role, to: role } });
        return { row: updated, changed };
      });
      if (changed) onCommitted();
      return toUser(row)!;
    },

    async updateDisplayName(id: string, displayName: string): Promise<User> {
      return toUser(await db.user.update({ where: { id }, data: { displayName } }))!;
    },

    async passwordHashOf(id: string): Promise<string | null> {
      return (await db.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null;
    },

    /** One transaction: a stolen session does not outlive the change. */
    async changePassword(id, passwordHash, keepSessionId, at, audit = null): Promise<void> {
      const revoked = await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id }, data: { passwordHash } });
        if (audit) await recordSecurityEvent(tx, audit);
        return revokeSessions(
          tx,
          { userId: id, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
          'password changed',
          at,
        );
      });
      if (revoked > 0) onCommitted();
    },

    async recordLogin(id: string, at: Date): Promise<User> {
      return toUser(await db.user.update({ where: { id }, data: { lastLoginAt: at } }))!;
    },

    /** One transaction, so no session outlives the account. */
    async deactivate(id: string, at: Date, audit: SecurityEventInput | null = null): Promise<User> {
      const row = await db.$transaction(async (tx) => {
        await keepAnActiveAdmin(tx, id);
        const user = await tx.user.update({ where: { id }, data: { deactivatedAt: at } });
        const sessionsEnded = await revokeSessions(tx, { userId: id }, 'user deactivated', at);
        if (audit) await recordSecurityEvent(tx, { ...audit, detail: { ...audit.detail, sessionsEnded } });
        // Its API keys stop working too: the gateway forgets everything it knew of the user.
        await appendToOutbox(tx, userDeactivatedEvent(id));
        return user;
      });
      onCommitted();
      return toUser(row)!;
    },
  };
}

/**
 * CONFLICT when demoting or deactivating `id` would leave no active admin. The active admins are
 * locked, so of two admins demoting each other at once the second waits for the first to commit
 * and then counts without it (a count alone, outside the change's transaction, let both pass).
 */
async function keepAnActiveAdmin(tx: Prisma.TransactionClient, id: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "deactivatedAt" IS NULL FOR UPDATE`;
  if (admins.length <= 1 && admins.some((admin) => admin.id === id))
    throw new ConflictError('At least one active admin must remain');
}

function toUser(row: UserRow | null): User | null {
  if (!row) return null;
  const { passwordHash: _hash, updatedAt: _updated, ...user } = row;
  return user;
}
