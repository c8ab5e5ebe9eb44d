import { firstAdminLine, type Logger } from '@switchyard/shared';
import type { UserRepository } from '../data/repositories.ts';
import { generatePassword } from '../domain/secrets.ts';
import type { UserAdmin } from './user-admin.ts';

const EMBEDDED_ADMIN_EMAIL = 'admin@switchyard.local';

/**
 * With no user at all, creates the first admin: from ADMIN_EMAIL / ADMIN_PASSWORD, or in embedded
 * mode with a generated password printed once. Concurrent replicas may race here; the unique email
 * lets exactly one win.
 */
export async function bootstrapAdmin(
  users: UserRepository,
  admin: UserAdmin,
  configured: { email: string; password: string } | null,
  embedded: boolean,
  logger: Logger,
): Promise<void> {
  if ((await users.count()) > 0) return;
  if (!configured && !embedded) {
    logger.warn('no users exist: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin');
    return;
  }
  const email = configured?.email.toLowerCase() ?? EMBEDDED_ADMIN_EMAIL;
  const password = configured?.password ?? generatePassword();
  try {
    await admin.create({ email, password, displayName: 'Administrator', role: 'ADMIN' });
  } catch (error) {
    if ((await users.count()) > 0) return;
    throw error;
  }
  logger.info({ email }, 'created the first admin');
  if (!configured) process.stdout.write(`${firstAdminLine({ email, password })}\n`);
}
