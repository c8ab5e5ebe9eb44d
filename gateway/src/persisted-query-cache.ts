import { closeRedis, openRedis, redisCall, type Logger } from '@switchyard/shared';

/** Apollo Server's cache interface (`@apollo/utils.keyvaluecache`), as its APQ support uses it. */
export interface PersistedQueryCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
  close(): Promise<void>;
}

// Apollo prefixes its keys (`apq:`); this prefix keeps them apart from other users of the same Redis.
const KEY_PREFIX = 'switchyard:gateway:';

/**
 * Automatic persisted queries in Redis, so a query registered through one gateway replica is found
 * by the others (a client's hash-only request may reach any of them). A Redis outage costs a
 * lookup, never a request: the client is told PERSISTED_QUERY_NOT_FOUND and sends the text again.
 */
export function createRedisPersistedQueryCache({
  redisUrl,
  logger,
}: {
  redisUrl: string;
  logger: Logger;
}): PersistedQueryCache {
  const redis = openRedis(
    redisUrl,
    { connectionName: 'switchyard-persisted-queries', maxRetriesPerRequest: 1 },
    { logger, label: 'persisted queries' },
  );
  return {
    async get(key) {
      try {
        return (await redisCall(redis, () => redis.get(KEY_PREFIX + key))) ?? undefined;
      } catch (error) {
        logger.warn({ err: error }, 'persisted query lookup failed');
        return undefined;
      }
    },
    async set(key, value, options) {
      const ttl = options?.ttl;
      await redisCall(redis, () =>
        ttl ? redis.set(KEY_PREFIX + key, value, 'EX', Math.ceil(ttl)) : redis.set(KEY_PREFIX + key, value),
      );
    },
    async delete(key) {
      return (await redisCall(redis, () => redis.del(KEY_PREFIX + key))) > 0;
    },
    close: () => closeRedis(redis),
  };
}
