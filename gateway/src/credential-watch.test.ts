import { GraphQLError } from 'graphql';
import {
  RateLimitedError,
  UnauthenticatedError,
  createLogger,
  type CredentialRequest,
  type Principal,
} from '@switchyard/shared';
import { createCredentialWatch, type CredentialEnd, type CredentialLease } from './credential-watch.ts';

const logger = createLogger('test', 'silent');
const viewer = (userId: string, sessionId = 's1'): Principal => ({
  kind: 'user',
  userId,
  role: 'VIEWER',
  scopes: null,
  sessionId,
  apiKeyId: null,
});
const credential = (token: string): CredentialRequest => ({
  authorization: `Bearer ${token}`,
  requestId: token,
  clientIp: null,
  log: logger,
});

/** What identity answers for each token right now, and how often it was asked. */
function fakeIdentity(answers: Record<string, Principal | null | GraphQLError>) {
  const calls: string[] = [];
  return {
    calls,
    answers,
    authenticate: async (request: CredentialRequest) => {
      const token = request.authorization!.slice('Bearer '.length);
      calls.push(token);
      const answer = answers[token];
      if (answer instanceof GraphQLError) throw answer;
      return answer ?? null;
    },
  };
}

const endOf = (lease: CredentialLease) =>
  Promise.race([lease.ended, new Promise<'open'>((resolve) => setImmediate(() => resolve('open')))]);

describe('credential watch', () => {
  const watches: { close(): void }[] = [];
  const watchWith = (identity: ReturnType<typeof fakeIdentity>, maxConnectionsPerUser = 3) => {
    const watch = createCredentialWatch({
      authenticate: identity.authenticate,
      logger,
      maxConnectionsPerUser,
      recheckIntervalMs: 3_600_000,
    });
    watches.push(watch);
    return watch;
  };
  afterEach(() => watches.splice(0).forEach((watch) => watch.close()));

  it('limits connections per user and frees the place of a released one', () => {
    const watch = watchWith(fakeIdentity({}), 2);
    const first = watch.open(credential('a'), viewer('u1'));
    watch.open(credential('b'), viewer('u1'));
    expect(() => watch.open(credential('a'), viewer('u1'))).toThrow(RateLimitedError);
    // Another user has places of their own.
    watch.open(credential('c'), viewer('u2'));
    first.release();
    first.release();
    expect(() => watch.open(credential('a'), viewer('u1'))).not.toThrow();
    expect(() => watch.open(credential('a'), viewer('u1'))).toThrow(RateLimitedError);
  });

  it("ends an API key's connections when the key expires, and not before", async () => {
    const watch = watchWith(fakeIdentity({}));
    const key: Principal = {
      ...viewer('u1'),
      kind: 'apiKey',
      sessionId: null,
      apiKeyId: 'k1',
      expiresAt: new Date(Date.now() + 150).toISOString(),
    };
    const lease = watch.open(credential('key'), key);
    const opened = watch.open(credential('other'), viewer('u1'));
    expect(await endOf(lease)).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await endOf(lease)).toBe('revoked');
    expect(await endOf(opened)).toBe('open');
  });

  it('asks identity once per distinct credential, however many connections share it', async () => {
    const identity = fakeIdentity({ a: viewer('u1'), b: viewer('u1', 's2') });
    const watch = watchWith(identity, 10);
    for (let i = 0; i < 5; i += 1) watch.open(credential('a'), viewer('u1'));
    watch.open(credential('b'), viewer('u1', 's2'));
    await watch.recheck();
    expect(identity.calls.sort()).toEqual(['a', 'b']);
  });

  it('ends the connections a revocation event names at once, without asking identity', async () => {
    const identity = fakeIdentity({});
    const watch = watchWith(identity, 10);
    const session = watch.open(credential('a'), viewer('u1', 's1'));
    const otherSession = watch.open(credential('b'), viewer('u1', 's2'));
    const apiKey = watch.open(credential('k'), {
      ...viewer('u2', ''),
      kind: 'apiKey',
      sessionId: null,
      apiKeyId: 'k1',
    });
    const promoted = watch.open(credential('c'), viewer('u3', 's3'));
    watch.revoke({ subject: { sessionId: 's1' }, effect: 'revoked' });
    watch.revoke({ subject: { apiKeyId: 'k1' }, effect: 'revoked' });
    watch.revoke({ subject: { userId: 'u3' }, effect: 'permissionsChanged' });
    expect(await endOf(session)).toBe('revoked');
    expect(await endOf(otherSession)).toBe('open');
    expect(await endOf(apiKey)).toBe('revoked');
    expect(await endOf(promoted)).toBe('permissionsChanged');
    expect(identity.calls).toEqual([]);
  });

  it('ends the connections of a revoked, an expired and a changed credential, each with its reason', async () => {
    const identity = fakeIdentity({
      revoked: null,
      expired: new UnauthenticatedError('Access token expired', 'TOKEN_EXPIRED'),
      promoted: { ...viewer('u3'), role: 'OPERATOR' },
      fine: viewer('u4'),
      unreachable: new GraphQLError('identity down', { extensions: { code: 'SERVICE_UNAVAILABLE' } }),
    });
    const watch = watchWith(identity);
    const leases = Object.fromEntries(
      ['revoked', 'expired', 'promoted', 'fine', 'unreachable'].map((token, i) => [
        token,
        watch.open(credential(token), viewer(`u${i + 1}`)),
      ]),
    );
    await watch.recheck();
    const ends: Record<string, CredentialEnd | 'open'> = {};
    for (const [token, lease] of Object.entries(leases)) ends[token] = await endOf(lease);
    expect(ends).toEqual({
      revoked: 'revoked',
      expired: 'expired',
      promoted: 'permissionsChanged',
      fine: 'open',
      unreachable: 'open',
    });
    // An ended lease gave its place back.
    expect(() => watch.open(credential('revoked'), viewer('u1'))).not.toThrow();
  });

  it('renews a credential of the same user, and judges the connection on the new one', async () => {
    const identity = fakeIdentity({ old: null, fresh: viewer('u1', 's1') });
    const watch = watchWith(identity);
    const lease = watch.open(credential('old'), viewer('u1'));
    expect(lease.renew(credential('fresh'), viewer('u1'))).toBe('renewed');
    await watch.recheck();
    expect(identity.calls).toEqual(['fresh']);
    expect(await endOf(lease)).toBe('open');

    expect(lease.renew(credential('fresh'), viewer('someone else'))).toBe('otherUser');
    expect(await endOf(lease)).toBe('open');
    expect(lease.renew(credential('fresh'), { ...viewer('u1'), role: 'ADMIN' })).toBe('permissionsChanged');
    expect(await endOf(lease)).toBe('permissionsChanged');
  });
});
