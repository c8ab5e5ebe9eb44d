import type { Redis } from 'ioredis';
import { createMemoryNonceStore, type NonceStore } from './internal-signature.ts';
import { createLogger, type Logger } from './logger.ts';
import { closeRedis, openRedis, redisCall } from './redis-connection.ts';

export const NONCE_KEY_PREFIX = 'switchyard:nonce:';

/** A NonceStore shared by every replica: a nonce claimed on one is refused on all. */
export interface RedisNonceStore extends NonceStore {
  redisStatus(): Promise<'up' | 'down'>;
  /** Quits the connection if the store opened it (a client passed in is left to its owner). */
  close(): Promise<void>;
}

/**
 * `claim` is `SET <prefix><nonce> 1 NX PX <ttl>`: atomic, so two replicas racing on one nonce
 * cannot both win, and Redis forgets the nonce when the window has passed.
 *
 * When Redis is not connected or does not answer within 250 ms, the nonce is claimed in this
 * process's memory instead (logged once per outage): replay protection falls back rather than
 * failing closed, since failing closed would refuse every signed call, i.e. every signed-in request,
 * for as long as Redis is away. What the fallback still refuses: any replay to this process, and
 * every signature older than its 30 s window, on any process. What it lets through: a nonce first
 * used on another replica, or in Redis before the outage, replayed to this one within those 30 s.
 * Replaying needs a captured signed request from inside the network, and the window is short.
 */
export function createRedisNonceStore(
  redis: string | Redis,
  options: { keyPrefix?: string; logger?: Logger } = {},
): RedisNonceStore {
  const owned = typeof redis === 'string';
  const logger = options.logger ?? createLogger('nonce-store', 'info');
  // A request waits on claim(): fail fast while Redis is down rather than queue for many retries.
  const client = owned
    ? openRedis(
        redis,
        { connectionName: 'switchyard-nonces', maxRetriesPerRequest: 1 },
        { logger, label: 'nonce store' },
      )
    : redis;
  const prefix = options.keyPrefix ?? NONCE_KEY_PREFIX;
  const fallback = createMemoryNonceStore();
  let answering = true;
  return {
    async claim(nonce, ttlMs) {
      const ttl = Math.max(1, Math.ceil(ttlMs));
      try {
        const claimed = await redisCall(client, () => client.set(`${prefix}${nonce}`, '1', 'PX', ttl, 'NX'));
        if (!answering) logger.info('nonce store: redis answers again; replay protection shared again');
        answering = true;
        return claimed === 'OK';
      } catch (error) {
        if (answering)
          logger.warn({ err: error }, 'nonce store: redis unavailable; replay protection falls back to this process');
        answering = false;
        return fallback.claim(nonce, ttlMs);
      }
    },
    redisStatus: () =>
      redisCall(client, () => client.ping()).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    async close() {
      if (owned) await closeRedis(client);
    },
  };
}
