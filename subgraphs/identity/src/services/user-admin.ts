import { ConflictError, type IdempotencyRequest, type Role } from '@switchyard/shared';
import type { UserRepository } from '../data/repositories.ts';
import { auditEvent, type AuditContext } from '../domain/audit-context.ts';
import { DEFAULT_PASSWORD_MEMORY_KIB, hashPassword } from '../domain/passwords.ts';
import type { User } from '../domain/types.ts';
import { existingUser } from './existing-user.ts';

export type UserAdmin = ReturnType<typeof createUserAdmin>;

/** User management rules: unique emails, and never fewer than one active admin. */
export function createUserAdmin(
  users: UserRepository,
  now: () => Date = () => new Date(),
  passwordMemoryKib = DEFAULT_PASSWORD_MEMORY_KIB,
) {
  async function ensureAnotherAdmin(user: User) {
    if (user.role === 'ADMIN' && !user.deactivatedAt && (await users.countActiveAdmins()) <= 1) {
      throw new ConflictError('At least one active admin must remain');
    }
  }

  return {
    async create(
      input: { email: string; password: string; displayName: string; role: Role },
      idempotency: IdempotencyRequest | null = null,
      audit: AuditContext | null = null,
    ): Promise<User> {
      const { password, ...rest } = input;
      return users.create(
        { ...rest, passwordHash: await hashPassword(password, passwordMemoryKib) },
        idempotency,
        // The repository fills in the new user's id.
        audit && auditEvent(audit, 'USER_CREATED', null),
      );
    },

    async updateRole(id: string, role: Role, audit: AuditContext | null = null): Promise<User> {
      const user = await existingUser(users, id);
      if (role !== 'ADMIN') await ensureAnotherAdmin(user);
      return users.updateRole(id, role, audit && auditEvent(audit, 'ROLE_CHANGED', id));
    },

    async deactivate(id: string, audit: AuditContext | null = null): Promise<User> {
      const user = await existingUser(users, id);
      if (user.deactivatedAt) return user;
      await ensureAnotherAdmin(user);
      return users.deactivate(id, now(), audit && auditEvent(audit, 'USER_DEACTIVATED', id));
    },
  };
}
