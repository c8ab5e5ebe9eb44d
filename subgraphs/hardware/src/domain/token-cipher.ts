import { createSealer } from '@switchyard/shared';
import { deriveSubkey } from './encryption-key.ts';

export type TokenCipher = ReturnType<typeof createTokenCipher>;

/**
 * Hub access tokens at rest, sealed with the shared AES-256-GCM sealer under the hardware key's
 * `hub-access-token` subkey. The hub id is bound as associated data, so a ciphertext copied onto
 * another hub's row does not decrypt.
 */
export function createTokenCipher(key: Buffer) {
  const sealer = createSealer(deriveSubkey(key, 'hub-access-token'));
  return {
    encrypt: (plaintext: string, hubId: string): string => sealer.seal(plaintext, hubId),
    /** Throws when the value was not encrypted with this key for this hub (tampering or a changed key). */
    decrypt: (sealed: string, hubId: string): string => sealer.open(sealed, hubId),
  };
}
