import { randomUUID } from 'node:crypto';
import { lookupUsers, type InternalClient, type UserContact } from '@switchyard/shared';

export type Recipient = UserContact;

export type ResolveEmails = (userIds: string[]) => Promise<Recipient[]>;

/**
 * Members' addresses from identity's users lookup (signed like every service-to-service call).
 * Deactivated and unknown users are absent from the answer. Meals keeps no copy of addresses, so
 * a changed address is used on the next run.
 */
export function createIdentityEmailResolver(client: InternalClient, identityUrl: string): ResolveEmails {
  return async (ids) => {
    if (ids.length === 0) return [];
    const context = { principal: null, requestId: randomUUID(), clientIp: null, userAgent: 'meals weekly email' };
    return lookupUsers(client, identityUrl, context, ids);
  };
}
