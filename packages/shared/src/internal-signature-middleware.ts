import type { RequestHandler } from 'express';
import { CONTEXT_HEADER, SIGNATURE_HEADER, verifyRequest, type NonceStore } from './internal-signature.ts';

/**
 * Lets a request through only with a valid internal signature (the gateway's, or another service's
 * internal client): in front of every subgraph route but health, readiness and metrics, and of
 * the gateway's /internal/events. The verified caller is in `res.locals.forwarded`.
 */
export function requireInternalSignature(secret: string, nonces: NonceStore): RequestHandler {
  return async (req, res, next) => {
    const result = await verifyRequest(
      secret,
      nonces,
      { context: req.get(CONTEXT_HEADER), signature: req.get(SIGNATURE_HEADER) },
      req.rawBody ?? Buffer.alloc(0),
    );
    if (!result.ok) {
      req.log.warn({ reason: result.reason }, 'rejected unsigned request');
      res
        .status(401)
        .json({ errors: [{ message: `Unauthenticated: ${result.reason}`, extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    res.locals.forwarded = result.context;
    req.log = req.log.child({ requestId: result.context.requestId });
    next();
  };
}
