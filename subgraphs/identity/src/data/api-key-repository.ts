import type { ApiKey as ApiKeyRow, PrismaClient } from '../generated/prisma/client.ts';
import type { ApiKey } from '../domain/types.ts';
import type { ApiKeyRepository } from './repositories.ts';

// lastUsedAt is informational: writing it at most once a minute keeps API-key requests read-only.
const LAST_USED_GRANULARITY_MS = 60_000;

export function createApiKeyRepository(db: PrismaClient): ApiKeyRepository {
  return {
    async create(input: { userId: string; name: string; scopes: string[]; secretHash: string }): Promise<ApiKey> {
      return toApiKey(await db.apiKey.create({ data: input }));
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
      await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
      return toApiKey(await db.apiKey.findUniqueOrThrow({ where: { id } }));
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
