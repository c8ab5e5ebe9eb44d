import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { httpHeadersFor, httpStatusFor, isKnownCode, type Logger } from '@switchyard/shared';

/**
 * Answers a request refused before any GraphQL ran on a route Apollo does not serve (event streams,
 * exports) the way Apollo answers on /graphql: the status of the code, its headers
 * (`WWW-Authenticate`, `Retry-After`) and `{ errors: [...] }`. Anything but one of our errors is
 * logged and masked.
 */
export function sendHttpError(res: Response, error: unknown, log: Logger, status?: number): void {
  if (!(error instanceof GraphQLError) || !isKnownCode(error.extensions.code)) {
    log.error({ err: error }, 'unexpected error');
    res
      .status(500)
      .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    return;
  }
  const { http: _http, ...extensions } = error.extensions;
  res
    .status(status ?? httpStatusFor(error.extensions.code) ?? 400)
    .set(httpHeadersFor(error))
    .json({ errors: [{ message: error.message, extensions }] });
}
