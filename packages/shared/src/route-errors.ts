import type { NextFunction, Response } from 'express';
import { GraphQLError } from 'graphql';
import { httpStatusFor, isKnownCode } from './errors.ts';

// On /graphql these travel in a 200 answer; a plain route has no other place for them than the status.
const ROUTE_STATUS: Record<string, number> = { NOT_FOUND: 404, CONFLICT: 409 };

/**
 * For a subgraph's plain HTTP routes (file exports): an error of the vocabulary in errors.ts is
 * answered in /graphql's shape (`{ errors: [{ message, extensions }] }`) with the HTTP status of its
 * code (404 for NOT_FOUND, 400 for input errors); anything else goes to Express's error handler.
 */
export function sendRouteError(res: Response, error: unknown, next: NextFunction): void {
  if (!(error instanceof GraphQLError) || !isKnownCode(error.extensions.code)) {
    next(error);
    return;
  }
  res
    .status(ROUTE_STATUS[error.extensions.code] ?? httpStatusFor(error.extensions.code) ?? 400)
    .json({ errors: [{ message: error.message, extensions: error.extensions }] });
}
