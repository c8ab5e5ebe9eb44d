import { SignJWT } from 'jose';
import { signAccessToken, verifyAccessToken } from './access-token.ts';

const secret = 's'.repeat(64);
const key = new TextEncoder().encode(secret);
const claims = { sid: 'session-1' };
const base = () =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-1')
    .setIssuer('switchyard-identity')
    .setAudience('switchyard')
    .setIssuedAt();

describe('access tokens', () => {
  it('accepts what identity signs', async () => {
    const { token } = await signAccessToken(secret, { userId: 'user-1', sessionId: 'session-1' }, 60);
    await expect(verifyAccessToken(secret, token)).resolves.toEqual({ userId: 'user-1', sessionId: 'session-1' });
  });

  it('refuses a token without an expiry, even signed with the real secret', async () => {
    const forever = await base().sign(key);
    await expect(verifyAccessToken(secret, forever)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    // The same token with an expiry is good: what is refused is the missing claim.
    await expect(verifyAccessToken(secret, await base().setExpirationTime('1m').sign(key))).resolves.toBeDefined();
  });

  it('says TOKEN_EXPIRED for an expired one', async () => {
    const expired = await base()
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(key);
    await expect(verifyAccessToken(secret, expired)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' },
    });
  });
});
