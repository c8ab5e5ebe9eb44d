import { EXPIRY_WARNING_DAYS } from '../domain/api-key-input.ts';
import type { ApiKeyResolvers } from '../generated/graphql.ts';

const WARNING_MS = EXPIRY_WARNING_DAYS * 24 * 60 * 60 * 1000;

export const ApiKey: ApiKeyResolvers = {
  owner: async (key, _args, context) => (await context.loaders.userById.load(key.userId))!,
  expiresSoon: (key) => {
    if (!key.expiresAt || key.revokedAt) return false;
    const left = key.expiresAt.getTime() - Date.now();
    return left > 0 && left <= WARNING_MS;
  },
};
