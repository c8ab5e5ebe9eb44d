import { SignJWT, errors, jwtVerify } from 'jose';
import { UnauthenticatedError } from './errors.ts';

/**
 * Access tokens: HS256 JWTs issued by identity and verified by the gateway with the same secret.
 * They carry who (sub) and which session (sid); the role is read fresh on every request, so a role
 * change or a revocation takes effect at once.
 */
const ISSUER = 'switchyard-identity';
const AUDIENCE = 'switchyard';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

export async function signAccessToken(secret: string, claims: AccessTokenClaims, ttlSeconds: number, now = new Date()) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
  const token = await new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(secret));
  return { token, expiresAt };
}

/** Throws UnauthenticatedError saying whether the token is expired or invalid. */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      // A token without an expiry would be good forever: jose accepts one unless told otherwise.
      requiredClaims: ['exp', 'sub'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string')
      throw new UnauthenticatedError('Invalid access token');
    return { userId: payload.sub, sessionId: payload.sid };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('Access token expired', 'TOKEN_EXPIRED');
    throw new UnauthenticatedError('Invalid access token');
  }
}

const keys = new Map<string, Uint8Array>();
function keyOf(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = new TextEncoder().encode(secret)));
  return key;
}
