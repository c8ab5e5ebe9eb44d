import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { fromDatabaseError, isKnownCode } from './errors.ts';
import type { Logger } from './logger.ts';

/** Codes Apollo Server itself produces for bad requests; safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Apollo `formatError` for every service: our own errors and request errors pass through without
 * stack traces; database errors are mapped; anything unexpected is logged and masked unless
 * `development` is set.
 */
export function createErrorFormatter(logger: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const known = original instanceof GraphQLError && isKnownCode(original.extensions.code) ? original : fromDatabaseError(original);
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (known) return { ...formatted, message: known.message, extensions: { ...extensions, ...known.extensions } };
    if (typeof extensions.code === 'string' && (REQUEST_ERROR_CODES.has(extensions.code) || isKnownCode(extensions.code) && extensions.code !== 'INTERNAL_SERVER_ERROR')) {
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: development ? formatted.message : 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
