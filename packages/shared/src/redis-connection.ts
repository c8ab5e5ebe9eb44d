import { Redis, type RedisOptions } from 'ioredis';
import { ServiceUnavailableError } from './errors.ts';
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

/** How long a request waits for Redis before going on without it (see redisCall). */
export const REDIS_REQUEST_BUDGET_MS = 250;
/** After Redis let a request wait out its budget, requests go on without it this long before trying again. */
const REDIS_QUIET_MS = 5_000;
const FAILED = new Set(['reconnecting', 'close', 'end']);
const quietUntil = new WeakMap<Redis, number>();

/**
 * Runs `work` on `connection` for a request that must not wait on a Redis outage: it fails at once
 * while the connection is down (ioredis would hold the command in its offline queue until the next
 * reconnection attempt), after `timeoutMs` when Redis does not answer (a hung server keeps the
 * connection up), and then at once for a second before trying Redis again. The caller decides
 * what going on without Redis means.
 */
export async function redisCall<T>(
  connection: Redis,
  work: () => Promise<T>,
  timeoutMs = REDIS_REQUEST_BUDGET_MS,
): Promise<T> {
  if (FAILED.has(connection.status)) throw new ServiceUnavailableError(`Redis is not connected (${connection.status})`);
  if ((quietUntil.get(connection) ?? 0) > Date.now())
    throw new ServiceUnavailableError('Redis did not answer in time just now');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      quietUntil.set(connection, Date.now() + REDIS_QUIET_MS);
      reject(new ServiceUnavailableError(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}
