import type { CredentialRevocationsPage, RawSqlClient } from '@switchyard/shared';
import { REVOCATION_EVENT_TYPES, revocationOf } from '../domain/credential-events.ts';

const PAGE = 500;

/**
 * Revocations from the outbox in position order. Positions become visible in increasing order
 * (see the outbox's commit-order trigger), so reading up to the highest visible position and
 * continuing after it never skips a revocation that commits later.
 */
export function createRevocationFeed(outbox: RawSqlClient) {
  return async (after: bigint | null): Promise<CredentialRevocationsPage> => {
    const [{ highest }] = await outbox.$queryRawUnsafe<[{ highest: string }]>(
      `SELECT COALESCE(MAX("position"), 0)::text AS highest FROM "OutboxEvent"`,
    );
    if (after === null) return { latest: highest, revocations: [] };
    const rows = await outbox.$queryRawUnsafe<{ position: string; type: string; payload: Record<string, string> }[]>(
      `SELECT "position"::text AS position, "type", "payload" FROM "OutboxEvent"
       WHERE "position" > $1::bigint AND "position" <= $2::bigint AND "type" = ANY($3::text[])
       ORDER BY "position" LIMIT ${PAGE}`,
      after.toString(),
      highest,
      REVOCATION_EVENT_TYPES,
    );
    const revocations = rows.flatMap((row) => {
      const revocation = revocationOf(row.type, row.payload);
      return revocation ? [{ position: row.position, ...revocation }] : [];
    });
    // A full page continues after its last row; otherwise everything up to `highest` has been read.
    return { latest: rows.length === PAGE ? rows.at(-1)!.position : highest, revocations };
  };
}
