import type { Role } from '@switchyard/shared';
import { createInMemoryIdentity, type InMemoryIdentity } from '../../test/fakes/in-memory-identity.ts';
import { verifyPassword } from '../domain/passwords.ts';
import { createUserAdmin } from './user-admin.ts';

const input = (email: string, role: Role = 'VIEWER') => ({
  email,
  password: 'a long enough password',
  displayName: email.split('@')[0]!,
  role,
});

describe('user administration', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  let fake: InMemoryIdentity;
  let admin: ReturnType<typeof createUserAdmin>;

  // Users the tests do not create through the service skip its argon2 hashing, which takes a while.
  const existingUser = (email: string, role: Role = 'VIEWER') =>
    fake.users.create({ email, passwordHash: 'not used', displayName: email, role });

  beforeEach(() => {
    fake = createInMemoryIdentity(() => now);
    admin = createUserAdmin(fake.users, () => now);
  });

  it('creates a user with an argon2id hash of the password, never the password itself', async () => {
    const user = await admin.create(input('ann@example.test'));

    expect(user).toMatchObject({ email: 'ann@example.test', role: 'VIEWER', deactivatedAt: null });
    expect(user).not.toHaveProperty('passwordHash');
    const stored = fake.rows.users.get(user.id)!.passwordHash;
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'a long enough password')).toBe(true);
  });

  it('refuses a second user with the same email as a conflict on the field', async () => {
    await existingUser('ann@example.test');
    await expect(admin.create(input('ann@example.test', 'ADMIN'))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'input.email' },
    });
    expect(fake.rows.users.size).toBe(1);
  });

  it('never demotes or deactivates the last active admin', async () => {
    const root = await existingUser('root@example.test', 'ADMIN');

    await expect(admin.updateRole(root.id, 'OPERATOR')).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(admin.deactivate(root.id)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(fake.rows.users.get(root.id)).toMatchObject({ role: 'ADMIN', deactivatedAt: null });
  });

  it('demotes an admin while another active one remains, and a deactivated admin does not count', async () => {
    const root = await existingUser('root@example.test', 'ADMIN');
    const second = await existingUser('second@example.test', 'ADMIN');
    const third = await existingUser('third@example.test', 'ADMIN');

    await expect(admin.updateRole(second.id, 'VIEWER')).resolves.toMatchObject({ role: 'VIEWER' });
    await admin.deactivate(third.id);
    await expect(admin.updateRole(root.id, 'OPERATOR')).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('deactivates a user and ends all their sessions', async () => {
    const bob = await existingUser('bob@example.test', 'OPERATOR');
    const session = await fake.sessions.start(bob.id, 3600, { userAgent: null, ipAddress: null }, now);

    await expect(admin.deactivate(bob.id)).resolves.toMatchObject({ id: bob.id, deactivatedAt: now });
    expect(fake.rows.sessions.get(session.sessionId)).toMatchObject({
      revokedAt: now,
      revokedReason: 'user deactivated',
    });
    expect(fake.events.filter((e) => e.type === 'SessionRevoked')).toHaveLength(1);
  });

  it('answers deactivating a deactivated user with the user as it is', async () => {
    const bob = await existingUser('bob@example.test');
    await admin.deactivate(bob.id);
    const again = createUserAdmin(fake.users, () => new Date('2026-12-01T00:00:00Z'));
    await expect(again.deactivate(bob.id)).resolves.toMatchObject({ deactivatedAt: now });
  });

  it('answers an unknown user with NOT_FOUND', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(admin.updateRole(id, 'ADMIN')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', id } });
    await expect(admin.deactivate(id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', id } });
  });
});
