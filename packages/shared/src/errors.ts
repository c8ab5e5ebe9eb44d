import { GraphQLError } from 'graphql';

/**
 * The one place GraphQL errors are created. Every expected failure is one of these classes, each
 * with a fixed `extensions.code`; anything else is reported to clients as INTERNAL_SERVER_ERROR.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  protected constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  /** `field` names the offending input, as a path such as `input.email`; `details` add machine-readable hints (e.g. allowedTargets). */
  constructor(readonly field: string, message: string, details: Record<string, unknown> = {}) {
    super(message, 'BAD_USER_INPUT', { ...details, field });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Authentication required') {
    super(message, 'UNAUTHENTICATED');
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Not allowed') {
    super(message, 'FORBIDDEN');
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

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 'RATE_LIMITED', { retryAfterSeconds });
  }
}

/** A dependency (database, another service) cannot be reached right now; retrying later may work. */
export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';
  /** `retryAfterSeconds` when it is known, e.g. until an open circuit breaker lets a call through. */
  constructor(message: string, retryAfterSeconds?: number) {
    super(message, 'SERVICE_UNAVAILABLE', retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
  }
}

/**
 * For errors raised before execution (the gateway's authentication): Apollo answers the whole
 * request with `extensions.http.status` and strips that extension from the body.
 */
export function withHttpStatus(error: GraphQLError): GraphQLError {
  const status = httpStatusFor(error.extensions.code) ?? 400;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
}

export function httpStatusFor(code: unknown): number | undefined {
  return typeof code === 'string' ? HTTP_STATUS[code as ErrorCode] : undefined;
}

export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

interface PrismaLikeError {
  code: string;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } };
}

function isPrismaKnownError(error: unknown): error is PrismaLikeError {
  return typeof error === 'object' && error !== null && /^P\d{4}$/.test(String((error as PrismaLikeError).code));
}

/**
 * Maps database errors that reach the resolver boundary to the vocabulary above: a unique
 * violation is a CONFLICT naming the field, a missing row NOT_FOUND. Repositories may map more
 * precisely first; this is the safety net so a Prisma error never leaks as a 500 with SQL.
 */
export function fromDatabaseError(error: unknown): GraphQLError | undefined {
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
