interface DriverAdapterCause {
  code?: string;
  message?: string;
}

/**
 * PostgreSQL's exclusion_violation (23P01) of `constraint`, as Prisma reports it through the
 * driver adapters (pg and PGlite alike): `meta.driverAdapterError.cause`.
 */
export function isExclusionViolation(error: unknown, constraint: string): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: DriverAdapterCause } } } | null)?.meta
    ?.driverAdapterError?.cause;
  return cause?.code === '23P01' && cause.message?.includes(`"${constraint}"`) === true;
}
