import { NotFoundError, appendToOutbox, idempotent } from '@switchyard/shared';
import type { ApiKey as ApiKeyRow, PrismaClient } from '../generated/prisma/client.ts';
import { apiKeyRevokedEvent } from '../domain/credential-events.ts';
import type { ApiKey } from '../domain/types.ts';
import type { ApiKeyRepository } from './repositories.ts';

// lastUsedAt is informational: writing it at most once a minute keeps API-key requests read-only.
const LAST_USED_GRANULARITY_MS = 60_000;

/** `onCommitted` is told after a transaction that recorded events commits (the outbox relay publishes them). */
export function createApiKeyRepository(db: PrismaClient, onCommitted: () => void): ApiKeyRepository {
  return {
    async create(input, idempotency = null) {
      return db.$transaction((tx) =>
        idempotent(
          tx,
          idempotency?.request ?? null,
          async () => ({
            apiKey: toApiKey(await tx.apiKey.create({ data: input })),
            sealedSecret: idempotency?.sealedSecret ?? null,
          }),
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

    async revoke(id: string, now: Date): Promise<ApiKey> {
      const { key, revoked } = await db.$transaction(async (tx) => {
        const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
        const row = await tx.apiKey.findUniqueOrThrow({ where: { id } });
        if (count > 0) await appendToOutbox(tx, apiKeyRevokedEvent(row));
        return { key: row, revoked: count > 0 };
      });
      if (revoked) onCommitted();
      return toApiKey(key);
    },

    async findLive(secretHash: string, now: Date) {
      const key = await db.apiKey.findFirst({
        where: { secretHash, revokedAt: null, user: { deactivatedAt: null } },
        include: { user: { select: { role: true } } },
      });
      if (!key) return null;
      if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
        await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
      }
      return { apiKeyId: key.id, userId: key.userId, role: key.user.role, scopes: key.scopes };
    },
  };
}

function toApiKey({ secretHash: _hash, ...key }: ApiKeyRow): ApiKey {
  return key;
}
