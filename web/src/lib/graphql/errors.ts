import { error } from '@sveltejs/kit';
import type { CombinedError, OperationResult } from '@urql/core';
import type { GraphQLError } from 'graphql';
import { atField, fieldName, plainMessage } from './plain-message.js';

/** HTTP status for each extensions.code of the API's error vocabulary. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TWO_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  OPERATION_TOO_COMPLEX: 400,
  SERVICE_UNAVAILABLE: 503,
  NETWORK_ERROR: 503,
};

/** The first extensions.code of a result's errors ('NETWORK_ERROR' when the request itself failed). */
export function errorCode(err: CombinedError | undefined | null): string | undefined {
  if (!err) return undefined;
  if (err.networkError) return 'NETWORK_ERROR';
  const code = err.graphQLErrors.find((e) => typeof e.extensions?.code === 'string')?.extensions.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** The extensions of the first error with this code, e.g. CONFLICT's currentVersion. */
export function errorExtensions(
  err: CombinedError | undefined | null,
  code: string,
): Record<string, unknown> | undefined {
  return err?.graphQLErrors.find((e) => e.extensions?.code === code)?.extensions;
}

/** A message fit for people: the API's own for expected errors, a generic one otherwise. */
export function errorMessage(err: CombinedError | undefined | null): string {
  const code = errorCode(err);
  if (!err || !code) return '';
  if (code === 'NETWORK_ERROR') return 'The server cannot be reached. Check your connection and try again.';
  if (code === 'INTERNAL_SERVER_ERROR') return 'Something went wrong on our side. Try again in a moment.';
  const first = err.graphQLErrors[0];
  if (!first) return err.message;
  const field = first.extensions?.field;
  if (typeof field !== 'string') return plainMessage(first.message);
  return `${fieldName(field)}: ${plainMessage(first.message)}`;
}

/** An input the API refused, as a form shows it: which field, and why. */
export interface FieldError {
  /** `extensions.field` without the argument prefix: `input.address.city` → `address.city`. */
  field: string;
  /** The message in plain words, without the path it repeats (`input.name: must not be empty` → `Must not be empty`). */
  message: string;
}

/**
 * The one mapping of the API's field errors to form fields: BAD_USER_INPUT names the input it
 * refuses in `extensions.field`, and so does a CONFLICT on a unique value (e.g. a hub's base URL).
 */
export function fieldError(error: GraphQLError): FieldError | null {
  const { code, field } = error.extensions ?? {};
  if ((code !== 'BAD_USER_INPUT' && code !== 'CONFLICT') || typeof field !== 'string') return null;
  return { field: field.replace(/^input\./, ''), message: atField(error.message) };
}

/** Every field error of a result, in the API's order. */
export function fieldErrors(err: CombinedError | undefined | null): FieldError[] {
  return (err?.graphQLErrors ?? []).map(fieldError).filter((e): e is FieldError => e !== null);
}

/** Throws the SvelteKit error for an extensions.code: the one mapping of codes to error pages. */
export function throwCodeError(code: string, message: string): never {
  error(STATUS[code] ?? 500, { message, code });
}

/** Throws the SvelteKit error that matches a GraphQL error, for load functions. */
export function throwKitError(err: CombinedError): never {
  throwCodeError(errorCode(err) ?? 'INTERNAL_SERVER_ERROR', errorMessage(err));
}

/** For a detail page's load: its query's error as an error page, or NOT_FOUND when the entity is missing. */
export function throwUnlessFound(result: OperationResult, entity: unknown, notFound: string): void {
  if (entity) return;
  if (result.error) throwKitError(result.error);
  throwCodeError('NOT_FOUND', notFound);
}
