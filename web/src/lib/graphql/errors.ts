import { error } from '@sveltejs/kit';
import type { CombinedError } from '@urql/core';

/** HTTP status for each extensions.code of the API's error vocabulary. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** The first extensions.code of a result's errors ('NETWORK_ERROR' when the request itself failed). */
export function errorCode(err: CombinedError | undefined | null): string | undefined {
  if (!err) return undefined;
  if (err.networkError) return 'NETWORK_ERROR';
  const code = err.graphQLErrors.find((e) => typeof e.extensions?.code === 'string')?.extensions.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** The extensions of the first error with this code, e.g. CONFLICT's currentVersion. */
export function errorExtensions(err: CombinedError | undefined | null, code: string): Record<string, unknown> | undefined {
  return err?.graphQLErrors.find((e) => e.extensions?.code === code)?.extensions;
}

/** A message fit for people: the API's own for expected errors, a generic one otherwise. */
export function errorMessage(err: CombinedError | undefined | null): string {
  const code = errorCode(err);
  if (!err || !code) return '';
  if (code === 'NETWORK_ERROR') return 'The server cannot be reached. Check your connection and try again.';
  if (code === 'INTERNAL_SERVER_ERROR') return 'Something went wrong on our side. Try again in a moment.';
  return err.graphQLErrors[0]?.message ?? err.message;
}

/** Throws the SvelteKit error that matches a GraphQL error, for load functions: the one mapping of codes to pages. */
export function throwKitError(err: CombinedError): never {
  const code = errorCode(err) ?? 'INTERNAL_SERVER_ERROR';
  const status = STATUS[code] ?? (code === 'NETWORK_ERROR' ? 503 : 500);
  error(status, { message: errorMessage(err), code });
}
