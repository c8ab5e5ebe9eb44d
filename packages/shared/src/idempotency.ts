import { createHash } from 'node:crypto';
import { BadUserInputError, IdempotencyKeyInUseError, IdempotencyKeyReusedError } from './errors.ts';
import type { RawSqlClient } from './outbox.ts';
import type { Principal } from './principal.ts';

/**
 * Idempotency keys for creates and commands. A client that sends `idempotencyKey` and retries
 * (after a timeout, a SERVICE_UNAVAILABLE, a dropped connection) gets the first request's result
 * instead of a second entity: the record of a key is written in the same transaction as the work
 * it guards, so the two commit together or not at all.
 *
 * Every subgraph that takes keys carries the same model in its schema.prisma:
 *
 *   model IdempotencyRecord {
 *     principalId String
 *     operation   String
 *     key         String
 *     fingerprint String
 *     result      Json?
 *     createdAt   DateTime @default(now())
 *     @@id([principalId, operation, key])
 *     @@index([createdAt])
 *   }
 */

/** How long a key answers with its first result; after that it is forgotten and may start anew. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,128}$/;
/** Expired records deleted per write; bounded so no write pays for a backlog. */
const PURGE_BATCH = 100;

/** One keyed request: whose, which operation, the key, and a hash of its arguments. */
export interface IdempotencyRequest {
  principalId: string;
  operation: string;
  key: string;
  fingerprint: string;
}

/** How a guarded operation's result is kept in the record and given back to a repeat. */
export interface IdempotencyCodec<T> {
  /** What to keep: small and JSON (an entity's id, not the entity). */
  save(result: T): unknown;
  /** The result for a repeat, from what `save` kept (e.g. the entity loaded by id, as it is now). */
  replay(saved: unknown, tx: RawSqlClient): Promise<T>;
}

/**
 * For a resolver: null without a key; otherwise validates it (BAD_USER_INPUT on `idempotencyKey`)
 * and fingerprints `args`, the operation's arguments without the key. Keys are scoped to the
 * calling user or API key and to the operation, so two callers' keys never meet.
 */
export function idempotencyRequest(
  key: string | null | undefined,
  principal: Principal | null,
  operation: string,
  args: Record<string, unknown>,
): IdempotencyRequest | null {
  if (key === null || key === undefined) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new BadUserInputError('idempotencyKey', 'An idempotency key is 1 to 128 characters of A-Z a-z 0-9 _ - : .');
  }
  const principalId = principal ? `${principal.kind}:${principal.apiKeyId ?? principal.userId}` : 'anonymous';
  return { principalId, operation, key, fingerprint: fingerprintOf(args) };
}

/** sha256 of the arguments as canonical JSON (keys sorted, undefined left out), so field order does not matter. */
export function fingerprintOf(args: unknown): string {
  return createHash('sha256').update(canonicalJson(args)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Call inside the transaction that does the work. Without a request, just runs `work`. With one:
 * - the first request claims the key (a row in "IdempotencyRecord"), runs `work` and keeps its
 *   result in the same transaction, so a rollback forgets the key too;
 * - a repeat within the window with the same arguments runs nothing and answers `codec.replay`;
 *   with other arguments it is IDEMPOTENCY_KEY_REUSED;
 * - a concurrent duplicate waits on the first one's row lock (PostgreSQL's unique index does
 *   this for an INSERT … ON CONFLICT) and then answers as a repeat, or claims the key if the
 *   first one rolled back: concurrent duplicates do the work exactly once;
 * - a record older than the window is taken over as if it were not there.
 */
export async function idempotent<T>(
  tx: RawSqlClient,
  request: IdempotencyRequest | null,
  work: () => Promise<T>,
  codec: IdempotencyCodec<T>,
): Promise<T> {
  if (!request) return work();
  const { principalId, operation, key, fingerprint } = request;
  const window = `${IDEMPOTENCY_WINDOW_HOURS} hours`;
  const claimed = await tx.$queryRawUnsafe<unknown[]>(
    `INSERT INTO "IdempotencyRecord" ("principalId", "operation", "key", "fingerprint", "result", "createdAt")
     VALUES ($1, $2, $3, $4, NULL, now())
     ON CONFLICT ("principalId", "operation", "key") DO UPDATE
       SET "fingerprint" = EXCLUDED."fingerprint", "result" = NULL, "createdAt" = EXCLUDED."createdAt"
       WHERE "IdempotencyRecord"."createdAt" < now() - $5::interval
     RETURNING 1`,
    principalId,
    operation,
    key,
    fingerprint,
    window,
  );
  if (claimed.length === 0) {
    const [first] = await tx.$queryRawUnsafe<{ fingerprint: string; result: unknown }[]>(
      `SELECT "fingerprint", "result" FROM "IdempotencyRecord"
       WHERE "principalId" = $1 AND "operation" = $2 AND "key" = $3`,
      principalId,
      operation,
      key,
    );
    // Gone between the two statements only if it expired and was purged meanwhile.
    if (!first) throw new IdempotencyKeyInUseError();
    if (first.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    if (first.result === null) throw new IdempotencyKeyInUseError();
    return codec.replay(first.result, tx);
  }
  const result = await work();
  await settleIdempotency(tx, request, codec.save(result));
  // SKIP LOCKED: concurrent writes each purge a different batch instead of queueing on the same rows.
  await tx.$executeRawUnsafe(
    `DELETE FROM "IdempotencyRecord" WHERE ctid IN (
       SELECT ctid FROM "IdempotencyRecord" WHERE "createdAt" < now() - $1::interval
       LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED)`,
    window,
  );
  return result;
}

const RECORD = `WHERE "principalId" = $1 AND "operation" = $2 AND "key" = $3`;
const recordOf = ({ principalId, operation, key }: IdempotencyRequest) => [principalId, operation, key];

/**
 * Stores what a repeat of `request` is answered from. `idempotent()` does this in the transaction
 * of the work; work that cannot run in a transaction (a call to a device) claims the key with
 * `idempotent()` first and settles it here once it knows the outcome.
 */
export async function settleIdempotency(db: RawSqlClient, request: IdempotencyRequest, saved: unknown): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "IdempotencyRecord" SET "result" = $4::jsonb ${RECORD}`,
    ...recordOf(request),
    JSON.stringify(saved),
  );
}

/** Forgets a claimed key, so that a retry with it starts anew (its work surely did not happen). */
export async function releaseIdempotency(db: RawSqlClient, request: IdempotencyRequest): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "IdempotencyRecord" ${RECORD}`, ...recordOf(request));
}

/** The codec for a create whose repeat answers the created entity as it is now, loaded by id. */
export function entityById<T extends { id: string }>(
  load: (id: string, tx: RawSqlClient) => Promise<T | null>,
  whenGone: (id: string) => Error,
): IdempotencyCodec<T> {
  return {
    save: (result) => ({ id: result.id }),
    async replay(saved, tx) {
      const { id } = saved as { id: string };
      const entity = await load(id, tx);
      if (!entity) throw whenGone(id);
      return entity;
    },
  };
}
