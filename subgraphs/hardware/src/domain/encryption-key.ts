import { createHash, hkdfSync } from 'node:crypto';

const KEY_BYTES = 32;
const HKDF_SALT = 'switchyard-hardware';

/**
 * HARDWARE_ENCRYPTION_KEY as a 32-byte key: 64 hex characters or base64/base64url of 32 bytes are
 * used as they are; any other secret of at least 32 characters is stretched with HKDF-SHA256, so
 * a passphrase-like value from a secret manager works too. Returns null when unusable.
 */
export function parseEncryptionKey(material: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(material)) return Buffer.from(material, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(material)) {
    const decoded = Buffer.from(material, 'base64url');
    if (decoded.length === KEY_BYTES) return decoded;
  }
  if (material.length < 32) return null;
  return Buffer.from(hkdfSync('sha256', material, HKDF_SALT, 'hardware-encryption-key', KEY_BYTES));
}

/**
 * Independent keys for independent purposes (token encryption, webhook secrets) from the one
 * configured key, so a weakness in one use cannot spill into the other.
 */
export function deriveSubkey(key: Buffer, purpose: 'hub-access-token' | 'hubitat-webhook'): Buffer {
  return Buffer.from(hkdfSync('sha256', key, HKDF_SALT, purpose, KEY_BYTES));
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
