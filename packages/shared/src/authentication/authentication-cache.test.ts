import type { Principal } from '@switchyard/shared';
import { createAuthenticationCache, credentialHash } from './authentication-cache.ts';

const key = (userId: string, apiKeyId: string | null = null): Principal => ({
  kind: apiKeyId ? 'apiKey' : 'user',
  userId,
  role: 'VIEWER',
  scopes: null,
  sessionId: apiKeyId ? null : `session-of-${userId}`,
  apiKeyId,
});

describe('authentication cache', () => {
  let clock = 1_000_000;
  const now = () => clock;
  const cacheOf = (maxEntries = 10, maxAgeMs = 60_000) => createAuthenticationCache({ maxEntries, maxAgeMs, now });

  it('answers with what identity said yes to, until the maximum age', () => {
    const cache = cacheOf(10, 60_000);
    cache.remember('a', key('u1'), clock);
    expect(cache.get('a')).toEqual(key('u1'));
    expect(cache.get('b')).toBeUndefined();
    clock += 60_001;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never answers for an API key past its expiry, however young the answer: it is known to be bad', () => {
    const cache = cacheOf(10, 60_000);
    const expiring = { ...key('u1', 'k1'), expiresAt: new Date(clock + 1_000).toISOString() };
    cache.remember('a', expiring, clock);
    expect(cache.get('a')).toEqual(expiring);
    clock += 999;
    expect(cache.get('a')).toEqual(expiring);
    clock += 1;
    expect(cache.get('a')).toBe('revoked');
  });

  it('forgets the least recently used credential beyond its size', () => {
    const cache = cacheOf(2);
    cache.remember('a', key('u1'), clock);
    cache.remember('b', key('u2'), clock);
    expect(cache.get('a')).toBeDefined();
    cache.remember('c', key('u3'), clock);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size).toBe(2);
  });

  it('forgets a credential identity said no to', () => {
    const cache = cacheOf();
    cache.remember('a', key('u1'), clock);
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses a revoked session, key or user at once, and an answer asked for before the revocation', () => {
    const cache = cacheOf();
    cache.remember('session', key('u1'), clock);
    cache.remember('api-key', key('u2', 'k2'), clock);
    cache.remember('user', key('u3'), clock);
    cache.remember('other', key('u4'), clock);
    clock += 10;
    const askedBefore = clock;
    clock += 10;
    cache.revoke({ sessionId: 'session-of-u1' });
    cache.revoke({ apiKeyId: 'k2' });
    cache.revoke({ userId: 'u3' });
    expect(cache.get('session')).toBe('revoked');
    expect(cache.get('api-key')).toBe('revoked');
    expect(cache.get('user')).toBe('revoked');
    expect(cache.get('other')).toEqual(key('u4'));
    // An answer that was on its way when the event came is not believed either.
    cache.remember('late', key('u1'), askedBefore);
    expect(cache.get('late')).toBeUndefined();
    // One asked for after the revocation is identity's word on a new credential.
    clock += 10;
    cache.remember('new session of u3', key('u3'), clock);
    expect(cache.get('new session of u3')).toEqual(key('u3'));
  });

  it('forgets, without refusing, the answers about a user whose permissions changed', () => {
    const cache = cacheOf();
    cache.remember('session', key('u1'), clock);
    cache.remember('api-key', key('u1', 'k1'), clock);
    clock += 10;
    cache.revoke({ userId: 'u1' }, 'permissionsChanged');
    // Stale, not bad: identity is asked again, and its new answer is kept.
    expect(cache.get('session')).toBeUndefined();
    expect(cache.get('api-key')).toBeUndefined();
    clock += 10;
    cache.remember('session', { ...key('u1'), role: 'OPERATOR' }, clock);
    expect(cache.get('session')).toMatchObject({ role: 'OPERATOR' });
  });

  it('keys by a hash that contains no part of the credential', () => {
    const hash = credentialHash({ apiKey: 'sy_secret_api_key_value' });
    expect(hash).not.toContain('secret');
    expect(hash).toHaveLength(43);
    expect(credentialHash({ authorization: 'Bearer x' })).not.toBe(credentialHash({ apiKey: 'Bearer x' }));
  });
});
