import { createHash, randomBytes } from 'node:crypto';

/** Refresh tokens and API-key secrets are 256 random bits; only their SHA-256 is stored. */
export function newSecret(prefix: 'rt' | 'sk'): { secret: string; hash: string } {
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A password for the first admin when none was configured (embedded start only). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
