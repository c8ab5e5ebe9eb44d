import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { databaseUnavailability, fromDatabaseError, isKnownCode } from './errors.ts';
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
  'PERSISTED_QUERY_HASH_MISMATCH',
]);

// Apollo rejects these with an HTTP status but no code; the message is all that tells them apart.
const APQ_HASH_MISMATCH = 'provided sha does not match query';

/**
 * Apollo's own request errors that carry a 4xx status but no code (an APQ hash mismatch, an
 * unsupported APQ version): a client mistake, not an unexpected failure.
 */
function uncodedRequestErrorCode(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return undefined;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  // Apollo Router's code for the same refusal, so APQ clients see one vocabulary.
  return error.message === APQ_HASH_MISMATCH ? 'PERSISTED_QUERY_HASH_MISMATCH' : 'BAD_REQUEST';
}

/**
 * Apollo `formatError` for every service: our own errors and request errors pass through without
 * stack traces; database errors are mapped; anything unexpected is logged and masked unless
 * `development` is set.
 */
export function createErrorFormatter(logger: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const known =
      original instanceof GraphQLError && isKnownCode(original.extensions.code)
        ? original
        : fromDatabaseError(original);
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (known) {
      // `http` (status and headers) is for Apollo's response, never part of the body.
      const { http: _http, ...knownExtensions } = known.extensions;
      return { ...formatted, message: known.message, extensions: { ...extensions, ...knownExtensions } };
    }
    const requestErrorCode = uncodedRequestErrorCode(original);
    if (requestErrorCode) return { ...formatted, extensions: { ...extensions, code: requestErrorCode } };
    if (
      typeof extensions.code === 'string' &&
      (REQUEST_ERROR_CODES.has(extensions.code) ||
        (isKnownCode(extensions.code) && extensions.code !== 'INTERNAL_SERVER_ERROR'))
    ) {
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

/**
 * A subgraph whose database cannot be used answers HTTP 503 with Retry-After, not 200: its
 * errors are already SERVICE_UNAVAILABLE (see fromDatabaseError), and the status is what lets the
 * gateway's circuit breaker count the failure. Other SERVICE_UNAVAILABLE errors (a hub that does
 * not answer) leave the status alone: the subgraph itself is fine, and the rest of its answer is good.
 */
export function databaseUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          const waits = errors.map((error) => databaseUnavailability(unwrapResolverError(error)));
          const retryAfter = waits.filter((wait) => wait !== undefined).sort((a, b) => b - a)[0];
          if (retryAfter === undefined) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
