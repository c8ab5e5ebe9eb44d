import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Secrets kept at rest (a hub's access token, a user's TOTP secret): one configured key per
 * service, independent subkeys per purpose, AES-256-GCM with the owning row's id as associated data.
 */

const KEY_BYTES = 32;
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A configured encryption key as 32 bytes: 64 hex characters or base64/base64url of 32 bytes are
 * used as they are; any other secret of at least 32 characters is stretched with HKDF-SHA256
 * (salted with the service's name), so a passphrase-like value from a secret manager works too.
 * Returns null when unusable.
 */
export function parseEncryptionKey(material: string, service: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(material)) return Buffer.from(material, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(material)) {
    const decoded = Buffer.from(material, 'base64url');
    if (decoded.length === KEY_BYTES) return decoded;
  }
  if (material.length < 32) return null;
  return Buffer.from(hkdfSync('sha256', material, `switchyard-${service}`, `${service}-encryption-key`, KEY_BYTES));
}

/** Independent keys for independent purposes from one configured key: a weakness in one use cannot spill into another. */
export function deriveSubkey(key: Buffer, service: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, `switchyard-${service}`, purpose, KEY_BYTES));
}

export type Sealer = ReturnType<typeof createSealer>;

/**
 * AES-256-GCM: `v1.<base64url(iv | tag | ciphertext)>`. `boundTo` (the owning row's id) is
 * associated data, so a ciphertext copied onto another row does not decrypt.
 */
export function createSealer(key: Buffer) {
  return {
    seal(plaintext: string, boundTo: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(boundTo));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
    },

    /** Throws when the value was not sealed with this key for this owner (tampering or a changed key). */
    open(sealed: string, boundTo: string): string {
      const [version, body] = sealed.split('.');
      if (version !== VERSION || !body) throw new TypeError('unknown sealed value encoding');
      const bytes = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(boundTo));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
