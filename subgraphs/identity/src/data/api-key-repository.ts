import { NotFoundError, appendToOutbox, idempotent } from '@switchyard/shared';
import type { ApiKey as ApiKeyRow, PrismaClient } from '../generated/prisma/client.ts';
import { apiKeyRevokedEvent } from '../domain/credential-events.ts';
import type { ApiKey } from '../domain/types.ts';
import type { ApiKeyRepository } from './repositories.ts';
import { recordSecurityEvent } from './security-log-repository.ts';

// lastUsedAt is informational: writing it at most once a minute keeps API-key requests read-only.
const LAST_USED_GRANULARITY_MS = 60_000;

/** `onCommitted` is told after a transaction that recorded events commits (the outbox relay publishes them). */
export function createApiKeyRepository(db: PrismaClient, onCommitted: () => void): ApiKeyRepository {
  return {
    async create(input, idempotency = null, audit = null) {
      const created = await db.$transaction((tx) =>
        idempotent(
          tx,
          idempotency?.request ?? null,
          async () => {
            const apiKey = toApiKey(await tx.apiKey.create({ data: input }));
            // Inside the guard: a repeat records nothing.
            if (audit) await recordSecurityEvent(tx, { ...audit, detail: { ...audit.detail, ...keyFacts(apiKey) } });
            return { apiKey, sealedSecret: idempotency?.sealedSecret ?? null };
          },
          {
            save: ({ apiKey, sealedSecret }) => ({ id: apiKey.id, sealedSecret }),
            async replay(saved) {
              const { id, sealedSecret } = saved as { id: string; sealedSecret: string };
              const row = await tx.apiKey.findUnique({ where: { id } });
              if (!row) throw new NotFoundError('ApiKey', id);
              return { apiKey: toApiKey(row), sealedSecret };
            },
          },
        ),
      );
      if (audit) onCommitted();
      return created;
    },

    async findById(id: string): Promise<ApiKey | null> {
      const row = await db.apiKey.findUnique({ where: { id } });
      return row ? toApiKey(row) : null;
    },

    async list(ownerId: string | null): Promise<ApiKey[]> {
      const rows = await db.apiKey.findMany({
        where: ownerId ? { userId: ownerId } : {},
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
      return rows.map(toApiKey);
    },

    async revoke(id, now, audit = null): Promise<ApiKey> {
      const { key, revoked } = await db.$transaction(async (tx) => {
        const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
        const row = await tx.apiKey.findUniqueOrThrow({ where: { id } });
        if (count > 0) await appendToOutbox(tx, apiKeyRevokedEvent(row));
        if (count > 0 && audit)
          await recordSecurityEvent(tx, { ...audit, detail: { ...audit.detail, ...keyFacts(toApiKey(row)) } });
        return { key: row, revoked: count > 0 };
      });
      if (revoked) onCommitted();
      return toApiKey(key);
    },

    async rotate(id, secretHash, previousValidUntil, now, audit = null) {
      const rotated = await db.$transaction(async (tx) => {
        // Locked, so of two concurrent rotations the second replaces the first's secret, not the original.
        const [row] = await tx.$queryRaw<
          { secretHash: string }[]
        >`SELECT "secretHash" FROM "ApiKey" WHERE "id" = ${id}::uuid AND "revokedAt" IS NULL
          AND ("expiresAt" IS NULL OR "expiresAt" > ${now}) FOR UPDATE`;
        if (!row) return null;
        const updated = await tx.apiKey.update({
          where: { id },
          data: {
            secretHash,
            previousSecretHash: row.secretHash,
            previousSecretExpiresAt: previousValidUntil,
            rotatedAt: now,
          },
        });
        const key = toApiKey(updated);
        if (audit)
          await recordSecurityEvent(tx, {
            ...audit,
            detail: { ...audit.detail, ...keyFacts(key), previousSecretValidUntil: previousValidUntil.toISOString() },
          });
        return key;
      });
      if (rotated) onCommitted();
      return rotated;
    },

    async findLive(secretHash: string, now: Date) {
      const key = await db.apiKey.findFirst({
        where: {
          OR: [{ secretHash }, { previousSecretHash: secretHash, previousSecretExpiresAt: { gt: now } }],
          revokedAt: null,
          AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
          user: { deactivatedAt: null },
        },
        include: { user: { select: { role: true } } },
      });
      if (!key) return null;
      const graceEnd = key.secretHash === secretHash ? null : key.previousSecretExpiresAt;
      if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
        await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
      }
      return {
        apiKeyId: key.id,
        userId: key.userId,
        role: key.user.role,
        scopes: key.scopes,
        expiresAt: earliest(key.expiresAt, graceEnd),
      };
    },
  };
}

function toApiKey({ secretHash: _hash, previousSecretHash: _previous, ...key }: ApiKeyRow): ApiKey {
  return key;
}

/** What the security log keeps of a key: never its secret or hash. */
function keyFacts(key: ApiKey) {
  return {
    apiKeyId: key.id,
    name: key.name,
    ownerId: key.userId,
    scopes: key.scopes,
    expiresAt: key.expiresAt?.toISOString() ?? null,
  };
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a < b ? a : b;
}
