import { NotFoundError, isUuid } from '@switchyard/shared';
import type { UserRepository } from '../data/repositories.ts';
import type { User } from '../domain/types.ts';

/** The user with this id; NOT_FOUND for an unknown id, and for one that is no UUID (never a database error). */
export async function existingUser(users: Pick<UserRepository, 'findById'>, id: string): Promise<User> {
  const user = isUuid(id) ? await users.findById(id) : null;
  if (!user) throw new NotFoundError('User', id);
  return user;
}
