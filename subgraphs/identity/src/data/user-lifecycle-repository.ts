import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SecurityEventInput } from '../domain/security-events.ts';
import type { User } from '../domain/types.ts';
import type { UserLifecycleRepository } from './repositories.ts';
import { recordSecurityEvent } from './security-log-repository.ts';

/** Account changes beyond user-repository's: each commits with its security-log entry. */
export function createUserLifecycleRepository(db: PrismaClient): UserLifecycleRepository {
  return {
    /** Null when there is no such user; an active user is answered unchanged, with no event. */
    async reactivate(id: string, event: SecurityEventInput): Promise<User | null> {
      return db.$transaction(async (tx) => {
        const row = await tx.user.findUnique({ where: { id } });
        if (!row) return null;
        const current = row.deactivatedAt
          ? await tx.user.update({ where: { id }, data: { deactivatedAt: null } })
          : row;
        if (row.deactivatedAt) await recordSecurityEvent(tx, event);
        const { passwordHash: _hash, updatedAt: _updated, ...user } = current;
        return user;
      });
    },

    async isEmailTaken(email: string): Promise<boolean> {
      return (await db.user.count({ where: { email } })) > 0;
    },

    /** For events with no change to commit with (a reset asked for an unknown address). */
    async record(event: SecurityEventInput): Promise<void> {
      await recordSecurityEvent(db, event);
    },
  };
}
