import { Readable } from 'node:stream';
import type { Express, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import { CONTEXT_HEADER, UnauthenticatedError, encodeContext, httpStatusFor, type InternalClient } from '@switchyard/shared';
import { credentialsOf, type Authenticator } from './authenticate.ts';

// Downloads are streamed and may be large; they get their own, longer, timeout.
const EXPORT_TIMEOUT_MS = 10 * 60_000;
const EXPORT_FILE = /^([a-z][a-z0-9-]*)\.(csv)$/;
const FORWARDED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/**
 * File exports (`GET /exports/stores.csv?filter=…`) for the UI and API-key clients, with the same
 * authentication as /graphql. The part of the file name before the extension names the subgraph
 * that serves it; the response is streamed through, never buffered.
 */
export function mountExportProxy(app: Express, { authenticate, client, subgraphUrls }: { authenticate: Authenticator; client: InternalClient; subgraphUrls: Record<string, string> }) {
  app.get('/exports/:file', async (req: Request<{ file: string }>, res: Response) => {
    const match = EXPORT_FILE.exec(req.params.file);
    const subgraphUrl = match && subgraphUrls[match[1]!];
    if (!subgraphUrl) return void sendError(res, 404, 'NOT_FOUND', `No export named ${req.params.file}`);

    let principal;
    try {
      principal = await authenticate(credentialsOf(req));
      if (!principal) throw new UnauthenticatedError();
    } catch (error) {
      const { message, extensions } = error as GraphQLError;
      return void sendError(res, httpStatusFor(extensions?.code) ?? 500, String(extensions?.code ?? 'INTERNAL_SERVER_ERROR'), message);
    }

    const target = new URL(`/exports/${req.params.file}`, subgraphUrl);
    target.search = new URL(req.originalUrl, 'http://gateway').search;
    const context = encodeContext({ principal, requestId: req.requestId, clientIp: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
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
      sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The export is temporarily unavailable');
    }
  });
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
