import { randomUUID } from 'node:crypto';
import type { InternalClient } from '@switchyard/shared';

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
}

export type ResolveEmails = (userIds: string[]) => Promise<Recipient[]>;

/**
 * Members' addresses from identity's internal lookup (signed like every service-to-service call):
 * `POST /internal/users/lookup {"ids": [...]} -> {"users": [{"id", "email", "displayName"}]}`.
 * Deactivated and unknown users are absent from the answer. Meals keeps no copy of addresses, so
 * a changed address is used on the next run.
 */
export function createIdentityEmailResolver(client: InternalClient, identityUrl: string): ResolveEmails {
  const url = new URL('/internal/users/lookup', identityUrl).toString();
  return async (ids) => {
    if (ids.length === 0) return [];
    const context = { principal: null, requestId: randomUUID(), clientIp: null, userAgent: 'meals weekly email' };
    return (await client.callJson<{ users: Recipient[] }>(url, context, { ids })).users;
  };
}
