import { jest } from '@jest/globals';
import { createLogger, parseFirstAdminLine } from '@switchyard/shared';
import { createInMemoryIdentity, type InMemoryIdentity } from '../../test/fakes/in-memory-identity.ts';
import { verifyPassword } from '../domain/passwords.ts';
import { bootstrapAdmin } from './bootstrap-admin.ts';
import { createUserAdmin } from './user-admin.ts';

describe('the first admin', () => {
  const logger = createLogger('identity-test', 'silent');
  let fake: InMemoryIdentity;
  const start = (configured: { email: string; password: string } | null, embedded: boolean) =>
    bootstrapAdmin(fake.users, createUserAdmin(fake.users), configured, embedded, logger);
  const admins = () => [...fake.rows.users.values()].filter((user) => user.role === 'ADMIN');

  beforeEach(() => {
    fake = createInMemoryIdentity();
  });

  it('is created from ADMIN_EMAIL and ADMIN_PASSWORD, the email in lower case', async () => {
    await start({ email: 'Root@Example.test', password: 'the configured password' }, false);

    expect(admins()).toEqual([expect.objectContaining({ email: 'root@example.test', deactivatedAt: null })]);
    expect(await verifyPassword(admins()[0]!.passwordHash, 'the configured password')).toBe(true);
  });

  it('is not created when any user exists', async () => {
    await fake.users.create({
      email: 'someone@example.test',
      passwordHash: 'not used',
      displayName: 'Someone',
      role: 'VIEWER',
    });
    await start({ email: 'root@example.test', password: 'the configured password' }, false);
    expect(admins()).toEqual([]);
  });

  it('is not created on PostgreSQL without a configured one', async () => {
    await start(null, false);
    expect(fake.rows.users.size).toBe(0);
  });

  it('gets a generated password on an embedded start, printed once, that signs in', async () => {
    let printed = '';
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    try {
      await start(null, true);
    } finally {
      write.mockRestore();
    }

    // The launcher picks the announcement out of identity's output: it must read it.
    const announced = printed.split('\n').map(parseFirstAdminLine).find(Boolean);
    const password = announced?.password;
    expect(announced?.email).toBe('admin@switchyard.local');
    expect(admins()).toEqual([expect.objectContaining({ email: 'admin@switchyard.local' })]);
    expect(await verifyPassword(admins()[0]!.passwordHash, password ?? '')).toBe(true);
  });
});
