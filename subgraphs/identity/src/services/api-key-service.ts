import {
  ForbiddenError,
  NotFoundError,
  SCOPE_ROLES,
  roleAtLeast,
  type ApiKeyScope,
  type IdempotencyRequest,
  type Principal,
} from '@switchyard/shared';
import type { ApiKeyRepository } from '../data/repositories.ts';
import { newSecret, sealSecret, unsealSecret } from '../domain/secrets.ts';
import type { ApiKey } from '../domain/types.ts';

type Caller = Pick<Principal, 'userId' | 'role'>;

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

/** Users manage their own API keys; admins see and revoke everyone's. */
/** `sealingSecret` (the server's token secret) protects the secrets kept for idempotent repeats. */
export function createApiKeyService(
  apiKeys: ApiKeyRepository,
  sealingSecret: string,
  now: () => Date = () => new Date(),
) {
  return {
    /**
     * The secret is in this answer only: the repository keeps its hash. A key's scopes stay within
     * its owner's role, so a key cannot outgrow its owner (even before the owner is promoted).
     */
    async create(
      owner: Caller,
      input: { name: string; scopes: ApiKeyScope[] },
      idempotency: IdempotencyRequest | null = null,
    ): Promise<{ secret: string; apiKey: ApiKey }> {
      const beyond = input.scopes.filter((scope) => !roleAtLeast(owner.role, SCOPE_ROLES[scope]));
      if (beyond.length > 0)
        throw new ForbiddenError(`Your ${owner.role} role cannot grant ${beyond.join(', ')} to an API key`);
      const { secret, hash } = newSecret('sk');
      const context = idempotency && `${idempotency.principalId}/${idempotency.operation}/${idempotency.key}`;
      const { apiKey, sealedSecret } = await apiKeys.create(
        { userId: owner.userId, name: input.name, scopes: input.scopes, secretHash: hash },
        context ? { request: idempotency!, sealedSecret: sealSecret(secret, sealingSecret, context) } : null,
      );
      // A repeat answers the first request's key, and so its secret.
      return { secret: context && sealedSecret ? unsealSecret(sealedSecret, sealingSecret, context) : secret, apiKey };
    },

    list: (caller: Caller): Promise<ApiKey[]> => apiKeys.list(caller.role === 'ADMIN' ? null : caller.userId),

    async revoke(caller: Caller, id: string): Promise<ApiKey> {
      const key = await apiKeys.findById(id);
      // Someone else's key is reported as missing, so key ids cannot be probed.
      if (!key || (key.userId !== caller.userId && caller.role !== 'ADMIN')) throw new NotFoundError('ApiKey', id);
      return apiKeys.revoke(id, now());
    },
  };
}
