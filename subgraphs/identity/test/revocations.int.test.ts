import { createInternalClient, credentialRevocationsRoute, fetchCredentialRevocations } from '@switchyard/shared';
import { startIdentity } from './support.ts';

const CONTEXT = { principal: null, requestId: 'revocations-test', clientIp: null, userAgent: null };

describe('credential revocations on a real database, for the gateway', () => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  let client: ReturnType<typeof createInternalClient>;
  const read = (after: string | null) => fetchCredentialRevocations(client, identity.url, CONTEXT, after);

  /** Signs the user in and returns the new session. */
  const signIn = async (userId: string) => {
    await identity.services.auth.login('ann@example.test', 'a long enough password', {
      clientIp: null,
      userAgent: null,
    });
    return identity.db.session.findFirstOrThrow({ where: { userId, revokedAt: null }, orderBy: { createdAt: 'desc' } });
  };

  beforeAll(async () => {
    identity = await startIdentity();
    client = createInternalClient({ internalSigningSecret: identity.secret, timeoutMs: 5_000 });
    // Someone must stay admin, so the users below can be demoted and deactivated.
    await identity.services.userAdmin.create({
      email: 'root@example.test',
      password: 'a long enough password',
      displayName: 'Root',
      role: 'ADMIN',
    });
  });
  afterAll(async () => {
    await client?.close();
    await identity?.stop();
  });

  it('serves each revoked session and key, deactivation and role change once, in commit order', async () => {
    const { services } = identity;
    const ann = await services.userAdmin.create({
      email: 'ann@example.test',
      password: 'a long enough password',
      displayName: 'Ann',
      role: 'OPERATOR',
    });
    const owner = { userId: ann.id, role: ann.role };
    const start = await read(null);
    expect(start.revocations).toEqual([]);

    const { apiKey } = await services.apiKeyService.create(owner, { name: 'shop', scopes: ['stores:read'] });
    const session = await signIn(ann.id);
    await services.apiKeyService.revoke(owner, apiKey.id);
    // Neither a second revocation nor a "change" to the same role is news.
    await services.apiKeyService.revoke(owner, apiKey.id);
    await services.userAdmin.updateRole(ann.id, 'OPERATOR');
    await services.userAdmin.updateRole(ann.id, 'VIEWER');
    await services.auth.logout({ userId: ann.id, sessionId: session.id }, { clientIp: null, userAgent: null });
    const page = await read(start.latest);

    expect(page.revocations.map(({ subject, effect }) => ({ subject, effect }))).toEqual([
      { subject: { apiKeyId: apiKey.id }, effect: 'revoked' },
      { subject: { userId: ann.id }, effect: 'permissionsChanged' },
      { subject: { sessionId: session.id }, effect: 'revoked' },
    ]);
    const positions = page.revocations.map((revocation) => BigInt(revocation.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(BigInt(page.latest)).toBeGreaterThanOrEqual(positions.at(-1)!);
    expect(await read(page.latest)).toEqual({ latest: page.latest, revocations: [] });

    // Deactivation: every session of the user and the user itself (its API keys).
    const second = await signIn(ann.id);
    await services.userAdmin.deactivate(ann.id);
    expect((await read(page.latest)).revocations.map(({ subject, effect }) => ({ subject, effect }))).toEqual([
      { subject: { sessionId: second.id }, effect: 'revoked' },
      { subject: { userId: ann.id }, effect: 'revoked' },
    ]);
  });

  it('is behind the internal signature and refuses a malformed position', async () => {
    const unsigned = await fetch(new URL(credentialRevocationsRoute.path, identity.url));
    expect(unsigned.status).toBe(401);
    await expect(read('not-a-position')).rejects.toThrow();
  });
});
