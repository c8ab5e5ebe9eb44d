import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveSubkey } from './encryption-key.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type TokenCipher = ReturnType<typeof createTokenCipher>;

/**
 * AES-256-GCM for hub access tokens at rest: `v1.<base64url(iv | tag | ciphertext)>`. The hub id
 * is bound as associated data, so a ciphertext copied onto another hub's row does not decrypt.
 */
export function createTokenCipher(key: Buffer) {
  const tokenKey = deriveSubkey(key, 'hub-access-token');
  return {
    encrypt(plaintext: string, hubId: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', tokenKey, iv).setAAD(Buffer.from(hubId));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
    },

    /** Throws when the value was not encrypted with this key for this hub (tampering or a changed key). */
    decrypt(sealed: string, hubId: string): string {
      const [version, body] = sealed.split('.');
      if (version !== VERSION || !body) throw new TypeError('unknown access token encoding');
      const bytes = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', tokenKey, bytes.subarray(0, IV_BYTES)).setAAD(
        Buffer.from(hubId),
      );
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
