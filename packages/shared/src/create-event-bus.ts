import { createInProcessEventBus, type EventBus } from './event-bus.ts';
import type { Logger } from './logger.ts';
import { instrumentEventBus } from './process-metrics.ts';
import { createRedisEventBus } from './redis-event-bus.ts';

/** Redis pub/sub when a URL is given (every replica sees every event), in-process otherwise; counted in /metrics either way. */
export function createEventBus(options: { redisUrl?: string; logger?: Logger }): EventBus {
  if (options.redisUrl)
    return instrumentEventBus(createRedisEventBus(options.redisUrl, options.logger ? { logger: options.logger } : {}));
  return instrumentEventBus(createInProcessEventBus());
}
