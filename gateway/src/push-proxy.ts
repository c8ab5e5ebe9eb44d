import express, { type Express, type Request, type Response } from 'express';
import { CONTEXT_HEADER, encodeContext, type InternalClient } from '@switchyard/shared';
import { createContext, originOfRequest } from './context.ts';

const PUSH_TOKEN = /^[A-Za-z0-9_-]{10,64}$/;
const PUSH_TIMEOUT_MS = 10_000;

/**
 * Push monitors' heartbeats (`GET|POST /push/<token>?status=down&msg=…`): no sign-in, the token in
 * the path is the secret. Passed to observability with the internal signature (its route is not
 * reachable unsigned), the body ignored; observability answers 200/404/429 JSON. Neither the path
 * nor the query is logged (the token would be).
 */
export function mountPushProxy(
  app: Express,
  { client, observabilityUrl }: { client: InternalClient; observabilityUrl: string | undefined },
) {
  const handle = async (req: Request<{ token: string }>, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    if (!observabilityUrl || !PUSH_TOKEN.test(req.params.token))
      return void res.status(404).json({ ok: false, error: 'unknown push URL' });
    const target = new URL(`/push/${req.params.token}`, observabilityUrl);
    target.search = new URL(req.originalUrl, 'http://gateway').search;
    // Nobody signed in: the call is the anonymous caller's, with its address for observability's log.
    const { traceparent: _traceparent, ...forwarded } = createContext(null, originOfRequest(req));
    try {
      const upstream = await client.fetch(target.toString(), {
        method: req.method === 'POST' ? 'POST' : 'GET',
        headers: { [CONTEXT_HEADER]: encodeContext(forwarded), 'x-request-id': req.requestId },
        timeoutMs: PUSH_TIMEOUT_MS,
      });
      const body = await upstream.text();
      res.status(upstream.status).type('application/json').send(body);
    } catch {
      req.log.warn('push not forwarded: observability unreachable');
      res.status(503).json({ ok: false, error: 'unavailable; retry later' });
    }
  };
  // A cron job may POST anything (curl -d, a JSON status): read and dropped, never parsed.
  const drain = express.raw({ type: () => true, limit: '64kb' });
  app.get('/push/:token', handle);
  app.post('/push/:token', drain, handle);
}
