import { createMemoryNonceStore, type NonceStore } from './internal-signature.ts';
import type { Logger } from './logger.ts';
import { createRedisNonceStore } from './redis-nonce-store.ts';

/** Redis when a URL is given (replay detection across replicas), in memory otherwise (one process). */
export function createNonceStore(options: {
  redisUrl?: string;
  logger?: Logger;
}): NonceStore & { close(): Promise<void> } {
  if (options.redisUrl)
    return createRedisNonceStore(options.redisUrl, options.logger ? { logger: options.logger } : {});
  return Object.assign(createMemoryNonceStore(), { close: async () => {} });
}
