import { createHash } from 'node:crypto';
import { deriveSubkey as deriveServiceSubkey, parseEncryptionKey as parseServiceKey } from '@switchyard/shared';

/** HARDWARE_ENCRYPTION_KEY as a 32-byte key (see the shared parseEncryptionKey for what is accepted); null when unusable. */
export function parseEncryptionKey(material: string): Buffer | null {
  return parseServiceKey(material, 'hardware');
}

/**
 * Independent keys for independent purposes (token encryption, webhook secrets) from the one
 * configured key, so a weakness in one use cannot spill into the other.
 */
export function deriveSubkey(key: Buffer, purpose: 'hub-access-token' | 'hubitat-webhook'): Buffer {
  return deriveServiceSubkey(key, 'hardware', purpose);
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
