import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * The one place GraphQL errors are created. Every expected failure is one of these classes, each
 * with a fixed `extensions.code`; anything else is reported to clients as INTERNAL_SERVER_ERROR.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TWO_FACTOR_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_USE',
  'RATE_LIMITED',
  'OPERATION_TOO_COMPLEX',
  'UNREGISTERED_DOCUMENT',
  'OPERATION_DEADLINE_EXCEEDED',
  'RESPONSE_TOO_LARGE',
  'OPERATION_CANCELLED',
  'EVENTS_GAP',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TWO_FACTOR_REQUIRED: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  protected constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  /** `field` names the offending input, as a path such as `input.email`; `details` add machine-readable hints (e.g. allowedTargets). */
  constructor(
    readonly field: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, 'BAD_USER_INPUT', { ...details, field });
  }
}

/** Why a credential stopped working, when a client can do something about it. */
export type UnauthenticatedReason = 'TOKEN_EXPIRED';

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  /** `reason: 'TOKEN_EXPIRED'` tells a client that a fresh access token (a refresh) is all it needs. */
  constructor(message = 'Authentication required', reason?: UnauthenticatedReason) {
    super(message, 'UNAUTHENTICATED', reason ? { reason } : {});
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Not allowed') {
    super(message, 'FORBIDDEN');
  }
}

/** An admin who must enrol two-factor sign-in first (REQUIRE_2FA_FOR_ADMINS): only enrolment and sign-out are allowed. */
export class TwoFactorRequiredError extends AppError {
  readonly code = 'TWO_FACTOR_REQUIRED';
  constructor(message = 'Set up two-factor sign-in before doing anything else') {
    super(message, 'TWO_FACTOR_REQUIRED');
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`, 'NOT_FOUND', { entity, id });
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  /** `currentVersion` lets an optimistic-locking client reload or retry deliberately. */
  constructor(message: string, extensions: { currentVersion?: number; field?: string } = {}) {
    super(message, 'CONFLICT', extensions);
  }
}

/**
 * An idempotency key already used, within its 24 h window, by this caller for this operation with
 * different arguments: a client bug (a key must name one intended request), so retrying will not help.
 * Like BAD_USER_INPUT, it names the offending argument in `field`.
 */
export class IdempotencyKeyReusedError extends AppError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly field = 'idempotencyKey') {
    super(
      'This idempotency key was already used for a request with different arguments; use a new key for a new request',
      'IDEMPOTENCY_KEY_REUSED',
      { field },
    );
  }
}

/**
 * A request with this idempotency key is still running and its outcome is not known yet (only when
 * the first could not be waited for): retrying shortly answers with the first request's result.
 */
export class IdempotencyKeyInUseError extends AppError {
  readonly code = 'IDEMPOTENCY_KEY_IN_USE';
  constructor(retryAfterSeconds = 1) {
    super('A request with this idempotency key is still in progress; retry shortly', 'IDEMPOTENCY_KEY_IN_USE', {
      retryAfterSeconds,
      field: 'idempotencyKey',
    });
  }
}

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 'RATE_LIMITED', { retryAfterSeconds });
  }
}

/** Which operation limit was exceeded (see operation-limits.ts). */
export type OperationLimitRule = 'size' | 'tokens' | 'depth' | 'aliases' | 'rootFields' | 'directives' | 'cost';

/**
 * An operation refused before planning because it is too big to be answered safely: `rule` names
 * the limit, `limit` its value and `measured` what the operation came to (for tokens, counting
 * stops just past the limit). Sending the same operation again will not help; a smaller one will.
 */
export class OperationTooComplexError extends AppError {
  readonly code = 'OPERATION_TOO_COMPLEX';
  constructor(rule: OperationLimitRule, limit: number, measured: number) {
    super(`Operation refused: its ${rule} is ${measured}, beyond the limit of ${limit}`, 'OPERATION_TOO_COMPLEX', {
      rule,
      limit,
      measured,
    });
  }
}

/**
 * An operation refused because it is not one of the web app's registered documents, where the
 * gateway's TRUSTED_DOCUMENTS setting requires one for this caller (see trusted-documents.ts).
 */
export class UnregisteredDocumentError extends AppError {
  readonly code = 'UNREGISTERED_DOCUMENT';
  constructor(message: string) {
    super(message, 'UNREGISTERED_DOCUMENT');
  }
}

/**
 * An operation ran past its deadline: at a subgraph (its own per-operation deadline; it stopped
 * the operation) or at the gateway (a subgraph that took longer than its timeout while otherwise
 * answering; the gateway closed the call, which stops the subgraph's work too). The service is
 * healthy; it is the operation that asks too much. A mutation may have committed nonetheless.
 */
export class OperationDeadlineExceededError extends AppError {
  readonly code = 'OPERATION_DEADLINE_EXCEEDED';
  constructor(deadlineMs: number, subject = 'The operation') {
    super(`${subject} did not finish within ${deadlineMs} ms`, 'OPERATION_DEADLINE_EXCEEDED', { deadlineMs });
  }
}

/** A subgraph stopped an operation whose answer grew beyond its cap on resolved fields. */
export class ResponseTooLargeError extends AppError {
  readonly code = 'RESPONSE_TOO_LARGE';
  constructor(maxFields: number) {
    super(
      `The answer grew beyond ${maxFields} fields and the operation was stopped; ask for less (smaller pages, less nesting)`,
      'RESPONSE_TOO_LARGE',
      { limit: maxFields },
    );
  }
}

/** The caller went away (closed its connection, gave up) before the operation finished; nobody reads this. */
export class OperationCancelledError extends AppError {
  readonly code = 'OPERATION_CANCELLED';
  constructor() {
    super('The caller went away and the operation was stopped', 'OPERATION_CANCELLED');
  }
}

/** A dependency (database, another service) cannot be reached right now; retrying later may work. */
/**
 * A subscription resumed from a cursor whose events can no longer be replayed (the log it points
 * into was reset or restored): events may have been missed, so the client refetches what it shows.
 * The subscription goes on live after it.
 */
export class EventsGapError extends AppError {
  readonly code = 'EVENTS_GAP';
  constructor() {
    super(
      'Events since this cursor can no longer be replayed; refetch the data this subscription keeps current',
      'EVENTS_GAP',
    );
  }
}

export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';
  /** `retryAfterSeconds` when it is known, e.g. until an open circuit breaker lets a call through. */
  constructor(message: string, retryAfterSeconds?: number) {
    super(message, 'SERVICE_UNAVAILABLE', retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
  }
}

/**
 * For errors raised before execution (the gateway's authentication): Apollo answers the whole
 * request with `extensions.http` (status and headers) and strips that extension from the body.
 */
export function withHttpStatus(error: GraphQLError): GraphQLError {
  const status = httpStatusFor(error.extensions.code) ?? 400;
  const headers = new HeaderMap(Object.entries(httpHeadersFor(error)));
  // Typed loosely: GraphQL Yoga (in the Hive Gateway plugin's dev tree) declares `http.headers` a plain record.
  const extensions: Record<string, unknown> = { ...error.extensions, http: { status, headers } };
  return new GraphQLError(error.message, { extensions });
}

/**
 * The headers HTTP asks for with an error's status: `WWW-Authenticate` with every 401 (RFC 9110;
 * `error="invalid_token"` as RFC 6750 has it for an expired token) and `Retry-After` when
 * the error knows when to try again.
 */
export function httpHeadersFor(error: GraphQLError): Record<string, string> {
  const headers: Record<string, string> = {};
  if (error.extensions.code === 'UNAUTHENTICATED') {
    headers['www-authenticate'] =
      error.extensions.reason === 'TOKEN_EXPIRED'
        ? 'Bearer realm="switchyard", error="invalid_token", error_description="The access token expired"'
        : 'Bearer realm="switchyard"';
  }
  const retryAfter = error.extensions.retryAfterSeconds;
  if (typeof retryAfter === 'number') headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfter)));
  return headers;
}

export function httpStatusFor(code: unknown): number | undefined {
  return typeof code === 'string' ? HTTP_STATUS[code as ErrorCode] : undefined;
}

export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

interface PrismaLikeError {
  code: string;
  meta?: {
    target?: unknown;
    modelName?: string;
    driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } };
  };
}

function isPrismaKnownError(error: unknown): error is PrismaLikeError {
  return typeof error === 'object' && error !== null && /^P\d{4}$/.test(String((error as PrismaLikeError).code));
}

// Prisma's codes for a database it cannot reach or use right now: server unreachable (P1001),
// connect timeout (P1002), operation timed out (P1008), connection closed (P1017), no pooled
// connection in time (P2024), transaction could not start in time (P2028), write conflict or
// deadlock (P2034), too many connections (P2037).
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034', 'P2037']);
// The same through a driver adapter that reports the raw PostgreSQL SQLSTATE: connection
// exceptions (class 08), serialization failure, deadlock, too many connections, out of memory,
// server shutting down or starting up, query cancelled by statement_timeout.
const UNAVAILABLE_SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '40001',
  '40P01',
  '53300',
  '53200',
  '57P01',
  '57P02',
  '57P03',
  '57014',
]);
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
// Node's socket errors, as the pg driver throws them (in the cause of Prisma's error).
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
]);
// pg's pool and connection errors carry no code, only these messages (Prisma passes them on as they are).
const UNAVAILABLE_PG_MESSAGES =
  /^(timeout exceeded when trying to connect|Connection terminated unexpectedly|Connection terminated due to connection timeout|Client has encountered a connection error)/;

// Prisma's error classes (PrismaClientKnownRequestError…) and its driver adapters' error.
const DATABASE_ERROR_NAMES = /^(PrismaClient\w+Error|DriverAdapterError)$/;

/** Seconds after which a retry may work: a conflict clears at once, an outage takes longer. */
const RETRY_AFTER_CONFLICT_SECONDS = 1;
const RETRY_AFTER_OUTAGE_SECONDS = 5;

interface ErrorShape {
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } };
}

/**
 * Whether `error` says the database cannot be used right now (rather than that the request was
 * wrong): then retrying later may work, and the service answering is unavailable, not broken.
 * Returns the seconds after which to retry, or undefined. Looks through `cause` chains, since
 * Prisma and pg wrap each other's errors.
 */
export function databaseUnavailability(error: unknown): number | undefined {
  // Socket codes count only under an error of the database layer: a refused connection to another
  // service (a fetch error with the same ECONNREFUSED cause) says nothing about this one's database.
  const fromDatabase = DATABASE_ERROR_NAMES.test(String((error as { name?: unknown } | null)?.name));
  for (let current = error as ErrorShape | undefined, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return undefined;
    const code = String(current.code ?? current.errorCode ?? '');
    const sqlState = current.meta?.driverAdapterError?.cause?.originalCode ?? code;
    if (code === 'P2034' || RETRYABLE_SQLSTATES.has(sqlState)) return RETRY_AFTER_CONFLICT_SECONDS;
    if (
      UNAVAILABLE_PRISMA_CODES.has(code) ||
      UNAVAILABLE_SQLSTATES.has(sqlState) ||
      (fromDatabase && UNAVAILABLE_SOCKET_CODES.has(code)) ||
      (typeof current.message === 'string' && UNAVAILABLE_PG_MESSAGES.test(current.message))
    )
      return RETRY_AFTER_OUTAGE_SECONDS;
    current = current.cause as ErrorShape | undefined;
  }
  return undefined;
}

/**
 * Maps database errors that reach the resolver boundary to the vocabulary above: a unique
 * violation is a CONFLICT naming the field, a missing row NOT_FOUND, a database that cannot be
 * used right now SERVICE_UNAVAILABLE with when to retry. Repositories may map more precisely
 * first; this is the safety net so a Prisma error never leaks as a 500 with SQL.
 */
export function fromDatabaseError(error: unknown): GraphQLError | undefined {
  const retryAfterSeconds = databaseUnavailability(error);
  if (retryAfterSeconds !== undefined) {
    return new ServiceUnavailableError('The database is unavailable right now; try again shortly', retryAfterSeconds);
  }
  if (!isPrismaKnownError(error)) return undefined;
  if (error.code === 'P2002') {
    const fields = uniqueViolationFields(error);
    return new ConflictError(`A record with this ${fields.join(', ') || 'value'} already exists`, { field: fields[0] });
  }
  if (error.code === 'P2025') return new NotFoundError(error.meta?.modelName ?? 'Record', 'requested');
  return undefined;
}

function uniqueViolationFields(error: PrismaLikeError): string[] {
  const target = error.meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === 'string') return [target];
  return error.meta?.driverAdapterError?.cause?.constraint?.fields ?? [];
}
