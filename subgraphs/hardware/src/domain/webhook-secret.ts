import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveSubkey, sha256Hex } from './encryption-key.ts';

export type WebhookSecrets = ReturnType<typeof createWebhookSecrets>;

/**
 * The secret in a hub's postURL (`/hubitat/events/<hubId>/<secret>`). It is derived from the
 * encryption key, the hub id and a generation number rather than stored, so the URL can be
 * re-registered after a hub reboot or a sync while the database only holds its hash; bumping the
 * generation rotates it.
 */
export function createWebhookSecrets(key: Buffer) {
  const webhookKey = deriveSubkey(key, 'hubitat-webhook');
  return {
    secretFor(hubId: string, generation: number): string {
      return createHmac('sha256', webhookKey).update(`${hubId}:${generation}`).digest('base64url');
    },
    hash: sha256Hex,
    /** Constant-time comparison of the presented secret's hash with the stored one. */
    matches(presented: string, storedHash: string): boolean {
      const presentedHash = Buffer.from(sha256Hex(presented), 'hex');
      const expected = Buffer.from(storedHash, 'hex');
      return presentedHash.length === expected.length && timingSafeEqual(presentedHash, expected);
    },
  };
}
