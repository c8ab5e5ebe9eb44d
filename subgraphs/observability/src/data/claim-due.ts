import type { RawSqlClient } from '@switchyard/shared';

/**
 * The durable queues' claim (alert notifications, webhook deliveries): takes up to `limit` rows of
 * `table` whose "nextAttemptAt" is due and moves it to `holdUntil`, so another replica (or this one
 * after a crash) retries a row only once the attempt surely ended. One statement: the rows are
 * locked with SKIP LOCKED, so replicas claiming at once skip each other's. `where` narrows the rows
 * (alias `q`), with parameters from $4.
 */
export async function claimDue<T>(
  db: RawSqlClient,
  table: string,
  { now, holdUntil, limit, where = 'TRUE', params = [] }: ClaimOptions,
): Promise<T[]> {
  return await db.$queryRawUnsafe<T[]>(
    `UPDATE "${table}" SET "nextAttemptAt" = $2
     WHERE "id" IN (
       SELECT q."id" FROM "${table}" q WHERE q."nextAttemptAt" <= $1 AND (${where})
       ORDER BY q."nextAttemptAt" LIMIT $3 FOR UPDATE OF q SKIP LOCKED
     )
     RETURNING *`,
    now,
    holdUntil,
    limit,
    ...params,
  );
}

export interface ClaimOptions {
  now: Date;
  holdUntil: Date;
  limit: number;
  where?: string;
  params?: unknown[];
}
