import { ConflictError, NotFoundError, type IdempotencyRequest, type Role } from '@switchyard/shared';
import type { UserRepository } from '../data/repositories.ts';
import { DEFAULT_PASSWORD_MEMORY_KIB, hashPassword } from '../domain/passwords.ts';
import type { User } from '../domain/types.ts';

export type UserAdmin = ReturnType<typeof createUserAdmin>;

/** User management rules: unique emails, and never fewer than one active admin. */
export function createUserAdmin(
  users: UserRepository,
  now: () => Date = () => new Date(),
  passwordMemoryKib = DEFAULT_PASSWORD_MEMORY_KIB,
) {
  async function existing(id: string): Promise<User> {
    const user = await users.findById(id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async function ensureAnotherAdmin(user: User) {
    if (user.role === 'ADMIN' && !user.deactivatedAt && (await users.countActiveAdmins()) <= 1) {
      throw new ConflictError('At least one active admin must remain');
    }
  }

  return {
    async create(
      input: { email: string; password: string; displayName: string; role: Role },
      idempotency: IdempotencyRequest | null = null,
    ): Promise<User> {
      const { password, ...rest } = input;
      return users.create({ ...rest, passwordHash: await hashPassword(password, passwordMemoryKib) }, idempotency);
    },

    async updateRole(id: string, role: Role): Promise<User> {
      const user = await existing(id);
      if (role !== 'ADMIN') await ensureAnotherAdmin(user);
      return users.updateRole(id, role);
    },

    async deactivate(id: string): Promise<User> {
      const user = await existing(id);
      if (user.deactivatedAt) return user;
      await ensureAnotherAdmin(user);
      return users.deactivate(id, now());
    },
  };
}
