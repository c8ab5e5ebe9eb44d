import type { NextFunction, Response } from 'express';
import { GraphQLError } from 'graphql';
import { httpStatusFor, isKnownCode } from './errors.ts';

/**
 * For a subgraph's plain HTTP routes (file exports): an error of the vocabulary in errors.ts is
 * answered as /graphql would put it (its HTTP status, `{ errors: [{ message, extensions }] }`);
 * anything else goes to Express's error handler.
 */
export function sendRouteError(res: Response, error: unknown, next: NextFunction): void {
  if (!(error instanceof GraphQLError) || !isKnownCode(error.extensions.code)) {
    next(error);
    return;
  }
  res
    .status(httpStatusFor(error.extensions.code) ?? 400)
    .json({ errors: [{ message: error.message, extensions: error.extensions }] });
}
