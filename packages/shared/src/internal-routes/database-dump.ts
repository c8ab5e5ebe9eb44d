import { once } from 'node:events';
import type { Router } from 'express';
import type { InternalClient } from '../internal-client.ts';
import { CONTEXT_HEADER, encodeContext } from '../internal-signature.ts';
import type { Logger } from '../logger.ts';
import type { ForwardedContext } from '../principal.ts';

/**
 * A subgraph's whole database as one consistent dump (JSON lines, see prisma/src/backup/dump-format.ts),
 * streamed as it is read. `npm run backup` asks a running subgraph for it because an embedded PGlite
 * database belongs to the one process that has it open: copying its folder meanwhile would give a torn
 * copy, and opening it a second time would corrupt it. Behind the internal signature like every
 * internal route: the dump holds password hashes and sealed secrets.
 */
export const databaseDumpRoute = { method: 'GET', path: '/internal/database-dump' } as const;

/** Writes the dump to `sink` chunk by chunk, waiting on it (backpressure). */
export type DatabaseDump = (sink: (chunk: string) => Promise<void> | void) => Promise<unknown>;

export function mountDatabaseDumpRoute(router: Router, dump: DatabaseDump, logger: Logger): void {
  router.get(databaseDumpRoute.path, async (_req, res, next) => {
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    res.status(200).type('application/x-ndjson');
    try {
      await dump(async (chunk) => {
        if (aborted.signal.aborted) throw new Error('the caller went away');
        if (!res.write(chunk)) await once(res, 'drain', { signal: aborted.signal });
      });
      res.end();
    } catch (error) {
      logger.error({ err: error }, 'database dump failed');
      // Once rows went out, the status is sent: cutting the stream (no "end" line) is how the caller learns.
      if (res.headersSent) res.destroy(error as Error);
      else next(error);
    }
  });
}

/** Asks the subgraph at `baseUrl` for its dump; resolves with the response once its status is known. */
export async function requestDatabaseDump(client: InternalClient, baseUrl: string, context: ForwardedContext) {
  const response = await client.fetch(new URL(databaseDumpRoute.path, baseUrl).toString(), {
    headers: { 'x-request-id': context.requestId, [CONTEXT_HEADER]: encodeContext(context) },
    // A large database streams for minutes; a stalled stream still ends at the client's idle timeout.
    timeoutMs: 6 * 60 * 60 * 1000,
  });
  if (!response.ok || !response.body) {
    throw new Error(`${databaseDumpRoute.path} on ${baseUrl} answered HTTP ${response.status}`);
  }
  return response.body;
}
