import { Readable } from 'node:stream';
import type { Express, Request, Response } from 'express';
import {
  CONTEXT_HEADER,
  NotFoundError,
  ServiceUnavailableError,
  UnauthenticatedError,
  encodeContext,
  type InternalClient,
} from '@switchyard/shared';
import type { Authenticator } from './authenticate.ts';
import { createContext, originOfRequest } from './context.ts';
import { sendHttpError } from './http-errors.ts';

// Downloads are streamed and may be large; they get their own, longer, timeout.
const EXPORT_TIMEOUT_MS = 10 * 60_000;
const EXPORT_FILE = /^([a-z][a-z0-9-]*)\.(csv|tar\.gz)$/;
const FORWARDED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/**
 * File exports (`GET /exports/stores.csv?filter=…`, `/exports/observability.tar.gz?backup=…`) for the UI and API-key clients, with the same
 * authentication as /graphql. The part of the file name before the extension names the subgraph
 * that serves it; the response is streamed through, never buffered.
 */
export function mountExportProxy(
  app: Express,
  {
    authenticate,
    client,
    subgraphUrls,
  }: { authenticate: Authenticator; client: InternalClient; subgraphUrls: Record<string, string> },
) {
  app.get('/exports/:file', async (req: Request<{ file: string }>, res: Response) => {
    const match = EXPORT_FILE.exec(req.params.file);
    const subgraphUrl = match && subgraphUrls[match[1]!];
    if (!subgraphUrl) return void sendHttpError(res, new NotFoundError('Export', req.params.file), req.log, 404);

    const origin = originOfRequest(req);
    let principal;
    try {
      principal = await authenticate(origin);
      if (!principal) throw new UnauthenticatedError();
    } catch (error) {
      return void sendHttpError(res, error, req.log);
    }

    const target = new URL(`/exports/${req.params.file}`, subgraphUrl);
    target.search = new URL(req.originalUrl, 'http://gateway').search;
    const { traceparent: _traceparent, ...forwarded } = createContext(principal, origin);
    const context = encodeContext(forwarded);
    try {
      const upstream = await client.fetch(target.toString(), {
        method: 'GET',
        headers: { [CONTEXT_HEADER]: context, 'x-request-id': req.requestId },
        timeoutMs: EXPORT_TIMEOUT_MS,
      });
      res.status(upstream.status);
      for (const name of FORWARDED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      if (!upstream.body) return void res.end();
      const body = Readable.fromWeb(upstream.body as never);
      body.on('error', (error) => {
        req.log.error({ err: error }, 'export stream failed');
        res.destroy(error);
      });
      body.pipe(res);
    } catch (error) {
      req.log.error({ err: error }, 'export upstream unreachable');
      sendHttpError(res, new ServiceUnavailableError('The export is temporarily unavailable'), req.log);
    }
  });
}
