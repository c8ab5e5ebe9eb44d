import { createInMemoryIdentity, type InMemoryIdentity } from '../../test/fakes/in-memory-identity.ts';
import { hashSecret } from '../domain/secrets.ts';
import { createApiKeyService } from './api-key-service.ts';

describe('API key service', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  let fake: InMemoryIdentity;
  let keys: ReturnType<typeof createApiKeyService>;
  const ann = { userId: 'a0000000-0000-4000-8000-000000000001', role: 'OPERATOR' as const };
  const bob = { userId: 'b0000000-0000-4000-8000-000000000002', role: 'OPERATOR' as const };
  const admin = { userId: 'c0000000-0000-4000-8000-000000000003', role: 'ADMIN' as const };

  beforeEach(() => {
    fake = createInMemoryIdentity(() => now);
    keys = createApiKeyService(fake.apiKeys, 's'.repeat(32), () => now);
  });

  it('shows the secret once and stores only its hash', async () => {
    const { secret, apiKey } = await keys.create(ann, { name: 'ci', scopes: ['stores:read'] });

    expect(secret).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    const stored = fake.rows.apiKeys.get(apiKey.id)!;
    expect(stored).toMatchObject({
      userId: ann.userId,
      name: 'ci',
      scopes: ['stores:read'],
      secretHash: hashSecret(secret),
    });
    expect(Object.values(stored)).not.toContain(secret);
    expect(apiKey).not.toHaveProperty('secretHash');
  });

  it("refuses scopes beyond the owner's role: an OPERATOR cannot grant identity:admin, an ADMIN can", async () => {
    await expect(
      keys.create(ann, { name: 'escalate', scopes: ['stores:write', 'identity:admin'] }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(
      keys.create({ ...ann, role: 'VIEWER' }, { name: 'write', scopes: ['stores:write'] }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(fake.rows.apiKeys.size).toBe(0);

    await expect(keys.create(ann, { name: 'ops', scopes: ['stores:write'] })).resolves.toBeDefined();
    await expect(keys.create(admin, { name: 'admin', scopes: ['identity:admin'] })).resolves.toBeDefined();
  });

  it("lists a user's own keys, and every key for an admin", async () => {
    const annKey = await keys.create(ann, { name: 'ann', scopes: ['stores:read'] });
    const bobKey = await keys.create(bob, { name: 'bob', scopes: ['stores:read'] });

    expect((await keys.list(ann)).map((k) => k.id)).toEqual([annKey.apiKey.id]);
    expect((await keys.list(admin)).map((k) => k.id).sort()).toEqual([annKey.apiKey.id, bobKey.apiKey.id].sort());
  });

  it("reports someone else's key as missing and leaves it alone; an admin may revoke it", async () => {
    const { apiKey } = await keys.create(ann, { name: 'ann', scopes: ['stores:read'] });

    await expect(keys.revoke(bob, apiKey.id)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND', id: apiKey.id },
    });
    expect(fake.rows.apiKeys.get(apiKey.id)!.revokedAt).toBeNull();

    await expect(keys.revoke(admin, apiKey.id)).resolves.toMatchObject({ id: apiKey.id, revokedAt: now });
  });

  it('keeps the first revocation time when a key is revoked twice', async () => {
    const { apiKey } = await keys.create(ann, { name: 'ann', scopes: ['stores:read'] });
    await keys.revoke(ann, apiKey.id);
    const later = createApiKeyService(fake.apiKeys, 's'.repeat(32), () => new Date('2026-12-01T00:00:00Z'));
    await expect(later.revoke(ann, apiKey.id)).resolves.toMatchObject({ revokedAt: now });
  });

  describe('rotation', () => {
    it('gives a new secret and keeps the old one working until the grace period ends', async () => {
      const owner = await fake.users.create({
        email: 'o@example.test',
        passwordHash: 'x',
        displayName: 'O',
        role: 'OPERATOR',
      });
      const caller = { userId: owner.id, role: owner.role };
      let at = now;
      const timed = createApiKeyService(fake.apiKeys, 's'.repeat(32), () => at);
      const { secret: old, apiKey } = await timed.create(caller, { name: 'sync', scopes: ['stores:read'] });
      const rotated = await timed.rotate(caller, apiKey.id, 3600);

      expect(rotated.secret).not.toBe(old);
      expect(rotated.apiKey).toMatchObject({
        id: apiKey.id,
        rotatedAt: now,
        previousSecretExpiresAt: new Date(now.getTime() + 3_600_000),
      });
      expect(await fake.apiKeys.findLive(hashSecret(rotated.secret), at)).toMatchObject({ expiresAt: null });
      expect(await fake.apiKeys.findLive(hashSecret(old), at)).toMatchObject({
        apiKeyId: apiKey.id,
        expiresAt: new Date(now.getTime() + 3_600_000),
      });
      at = new Date(now.getTime() + 3_600_000);
      expect(await fake.apiKeys.findLive(hashSecret(old), at)).toBeNull();
      expect(await fake.apiKeys.findLive(hashSecret(rotated.secret), at)).not.toBeNull();
    });

    it("answers NOT_FOUND for someone else's key (an admin may rotate it) and CONFLICT for a revoked one", async () => {
      const { apiKey } = await keys.create(ann, { name: 'sync', scopes: ['stores:read'] });
      await expect(keys.rotate(bob, apiKey.id, 0)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      await expect(keys.rotate(bob, 'not-a-uuid', 0)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      await expect(keys.rotate(admin, apiKey.id, 0)).resolves.toMatchObject({ apiKey: { id: apiKey.id } });
      await keys.revoke(ann, apiKey.id);
      await expect(keys.rotate(ann, apiKey.id, 0)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    });

    it('refuses to rotate an expired key', async () => {
      const { apiKey } = await keys.create(ann, {
        name: 'old',
        scopes: ['stores:read'],
        expiresAt: new Date(now.getTime() + 1000),
      });
      const after = createApiKeyService(fake.apiKeys, 's'.repeat(32), () => new Date(now.getTime() + 1000));
      await expect(after.rotate(ann, apiKey.id, 0)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    });
  });
});
