import { Redis } from 'ioredis';
import type { NonceStore } from './internal-signature.ts';
import { createLogger, type Logger } from './logger.ts';

export const NONCE_KEY_PREFIX = 'switchyard:nonce:';

/** A NonceStore shared by every replica: a nonce claimed on one is refused on all. */
export interface RedisNonceStore extends NonceStore {
  /** Quits the connection if the store opened it (a client passed in is left to its owner). */
  close(): Promise<void>;
}

/**
 * `claim` is `SET <prefix><nonce> 1 NX PX <ttl>`: atomic, so two replicas racing on one nonce
 * cannot both win, and Redis forgets the nonce when the window has passed. When Redis is
 * unreachable `claim` rejects, so signature verification fails closed.
 */
export function createRedisNonceStore(redis: string | Redis, options: { keyPrefix?: string; logger?: Logger } = {}): RedisNonceStore {
  const owned = typeof redis === 'string';
  // A request waits on claim(): fail fast while Redis is down rather than queue for many retries.
  const client = typeof redis === 'string' ? new Redis(redis, { connectionName: 'switchyard-nonces', maxRetriesPerRequest: 1 }) : redis;
  if (owned) {
    // ioredis retries every few seconds while Redis is down: log the outage once, and its end.
    const logger = options.logger ?? createLogger('nonce-store', 'info');
    let failing = false;
    client.on('error', (error: Error) => {
      if (failing) return;
      failing = true;
      logger.warn({ err: error }, 'nonce store redis connection error; reconnecting');
    });
    client.on('ready', () => {
      if (failing) logger.info('nonce store redis connection restored');
      failing = false;
    });
  }
  const prefix = options.keyPrefix ?? NONCE_KEY_PREFIX;
  return {
    async claim(nonce, ttlMs) {
      const ttl = Math.max(1, Math.ceil(ttlMs));
      return (await client.set(`${prefix}${nonce}`, '1', 'PX', ttl, 'NX')) === 'OK';
    },
    async close() {
      if (!owned || client.status === 'end') return;
      if (client.status !== 'ready') {
        client.disconnect();
        return;
      }
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
