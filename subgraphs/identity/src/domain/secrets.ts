import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

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

/**
 * An API key's secret, kept so that a repeated createApiKey (same idempotency key) can answer it
 * again: AES-256-GCM under a key derived from the server's secret and the request's identity, so
 * the database alone (which holds the idempotency key) cannot reveal it.
 */
export function sealSecret(secret: string, serverSecret: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(serverSecret, context), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
}

export function unsealSecret(sealed: string, serverSecret: string, context: string): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(serverSecret, context), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}

function sealingKey(serverSecret: string, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'switchyard-idempotent-secret', context, 32));
}
