import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { createErrorFormatter } from '@switchyard/shared';

export type ErrorFormatter = ReturnType<typeof createErrorFormatter>;

/**
 * Whatever a subscription yields or throws as an error, as a GraphQLError: our own errors as they
 * are, errors a subgraph sent over its websocket (plain JSON) with their message and extensions,
 * anything else wrapped (then logged and masked by the formatter).
 */
export function asGraphQLError(value: unknown): GraphQLError {
  if (value instanceof GraphQLError) return value;
  if (value instanceof Error) return new GraphQLError(value.message, { originalError: value });
  if (isFormattedError(value)) {
    return new GraphQLError(value.message, {
      path: value.path,
      extensions: value.extensions,
    });
  }
  return new GraphQLError('Unexpected error', { originalError: new Error(JSON.stringify(value) ?? String(value)) });
}

/** A result as the client receives it: every error through the one formatter, as on /graphql. */
export function formatResult(result: ExecutionResult, formatError: ErrorFormatter): ExecutionResult {
  if (!result.errors) return result;
  return { ...result, errors: formatErrors(result.errors, formatError) as never };
}

export function formatErrors(errors: readonly unknown[], formatError: ErrorFormatter): GraphQLFormattedError[] {
  return errors.map((value) => {
    const error = asGraphQLError(value);
    return formatError(error.toJSON(), error);
  });
}

function isFormattedError(value: unknown): value is GraphQLFormattedError {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}
