import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  SCOPE_ROLES,
  roleAtLeast,
  isUuid,
  type ApiKeyScope,
  type IdempotencyRequest,
  type Principal,
} from '@switchyard/shared';
import type { ApiKeyRepository } from '../data/repositories.ts';
import { auditEvent, type AuditContext } from '../domain/audit-context.ts';
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
  // Someone else's key is reported as missing, so key ids cannot be probed.
  async function visibleKey(caller: Caller, id: string): Promise<ApiKey> {
    const key = isUuid(id) ? await apiKeys.findById(id) : null;
    if (!key || (key.userId !== caller.userId && caller.role !== 'ADMIN')) throw new NotFoundError('ApiKey', id);
    return key;
  }

  return {
    /**
     * The secret is in this answer only: the repository keeps its hash. A key's scopes stay within
     * its owner's role, so a key cannot outgrow its owner (even before the owner is promoted).
     */
    async create(
      owner: Caller,
      input: { name: string; scopes: ApiKeyScope[]; expiresAt?: Date | null },
      idempotency: IdempotencyRequest | null = null,
      audit: AuditContext | null = null,
    ): Promise<{ secret: string; apiKey: ApiKey }> {
      const beyond = input.scopes.filter((scope) => !roleAtLeast(owner.role, SCOPE_ROLES[scope]));
      if (beyond.length > 0)
        throw new ForbiddenError(`Your ${owner.role} role cannot grant ${beyond.join(', ')} to an API key`);
      const { secret, hash } = newSecret('sk');
      const context = idempotency && `${idempotency.principalId}/${idempotency.operation}/${idempotency.key}`;
      const { apiKey, sealedSecret } = await apiKeys.create(
        {
          userId: owner.userId,
          name: input.name,
          scopes: input.scopes,
          secretHash: hash,
          expiresAt: input.expiresAt ?? null,
        },
        context ? { request: idempotency!, sealedSecret: sealSecret(secret, sealingSecret, context) } : null,
        audit && auditEvent(audit, 'API_KEY_CREATED', owner.userId),
      );
      // A repeat answers the first request's key, and so its secret.
      return { secret: context && sealedSecret ? unsealSecret(sealedSecret, sealingSecret, context) : secret, apiKey };
    },

    list: (caller: Caller): Promise<ApiKey[]> => apiKeys.list(caller.role === 'ADMIN' ? null : caller.userId),

    async revoke(caller: Caller, id: string, audit: AuditContext | null = null): Promise<ApiKey> {
      const key = await visibleKey(caller, id);
      return apiKeys.revoke(id, now(), audit && auditEvent(audit, 'API_KEY_REVOKED', key.userId));
    },

    /**
     * A new secret for the key, shown in this answer only; the old one keeps working for
     * `graceSeconds` (0: not at all). Scopes, name and expiry stay. A revoked or expired key is
     * CONFLICT: there is nothing to hand over to.
     */
    async rotate(
      caller: Caller,
      id: string,
      graceSeconds: number,
      audit: AuditContext | null = null,
    ): Promise<{ secret: string; apiKey: ApiKey }> {
      const key = await visibleKey(caller, id);
      const at = now();
      const { secret, hash } = newSecret('sk');
      const rotated = await apiKeys.rotate(
        id,
        hash,
        new Date(at.getTime() + graceSeconds * 1000),
        at,
        audit && auditEvent(audit, 'API_KEY_ROTATED', key.userId, { gracePeriodSeconds: graceSeconds }),
      );
      if (!rotated) throw new ConflictError('A revoked or expired API key cannot be rotated');
      return { secret, apiKey: rotated };
    },
  };
}
