import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger.ts';

export interface RedisOutageLog {
  logger: Logger;
  /** Who owns the connection, at the start of each message (e.g. "event bus"). */
  label: string;
  /** Added to both lines, e.g. which of the owner's connections it is. */
  bindings?: Record<string, unknown>;
}

/**
 * A Redis connection that logs an outage once, and its end: ioredis reconnects by itself and
 * reports an error every few seconds while Redis is down, which would otherwise flood the log.
 */
export function openRedis(url: string, options: RedisOptions, { logger, label, bindings = {} }: RedisOutageLog): Redis {
  const connection = new Redis(url, options);
  let failing = false;
  connection.on('error', (error: Error) => {
    if (failing) return;
    failing = true;
    logger.warn({ err: error, ...bindings }, `${label} redis connection error; reconnecting`);
  });
  connection.on('ready', () => {
    if (failing) logger.info(bindings, `${label} redis connection restored`);
    failing = false;
  });
  return connection;
}

/** Closes a connection without hanging: QUIT would wait in the offline queue while Redis is unreachable, so such a connection is just dropped. */
export async function closeRedis(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}
