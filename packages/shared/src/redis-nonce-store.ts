import type { Redis } from 'ioredis';
import type { NonceStore } from './internal-signature.ts';
import { createLogger, type Logger } from './logger.ts';
import { closeRedis, openRedis } from './redis-connection.ts';

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
export function createRedisNonceStore(
  redis: string | Redis,
  options: { keyPrefix?: string; logger?: Logger } = {},
): RedisNonceStore {
  const owned = typeof redis === 'string';
  // A request waits on claim(): fail fast while Redis is down rather than queue for many retries.
  const client = owned
    ? openRedis(
        redis,
        { connectionName: 'switchyard-nonces', maxRetriesPerRequest: 1 },
        { logger: options.logger ?? createLogger('nonce-store', 'info'), label: 'nonce store' },
      )
    : redis;
  const prefix = options.keyPrefix ?? NONCE_KEY_PREFIX;
  return {
    async claim(nonce, ttlMs) {
      const ttl = Math.max(1, Math.ceil(ttlMs));
      return (await client.set(`${prefix}${nonce}`, '1', 'PX', ttl, 'NX')) === 'OK';
    },
    async close() {
      if (owned) await closeRedis(client);
    },
  };
}
