import type { Principal } from '@switchyard/shared';
import type { Actor, FieldChange, Store } from './types.ts';

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, userId: null };

/** The audit actor of a verified caller: the user, or the API key acting for its owner. */
export function actorOf(principal: Principal): Actor {
  return principal.kind === 'apiKey'
    ? { kind: 'apiKey', id: principal.apiKeyId, userId: principal.userId }
    : { kind: 'user', id: principal.userId, userId: principal.userId };
}

/** The fields an audit entry and an event describe, flattened so a change names exactly what moved (`address.city`). */
export function auditedFields(
  store: Omit<Store, 'id' | 'code' | 'version' | 'createdAt' | 'updatedAt' | 'createdById'>,
): Record<string, unknown> {
  return {
    name: store.name,
    type: store.type,
    status: store.status,
    'address.line1': store.address.line1,
    'address.line2': store.address.line2,
    'address.city': store.address.city,
    'address.region': store.address.region,
    'address.postalCode': store.address.postalCode,
    'address.country': store.address.country,
    latitude: store.latitude,
    longitude: store.longitude,
    timezone: store.timezone,
    openedAt: store.openedAt?.toISOString() ?? null,
    network: store.network,
    // Every network, in order (`network` is the first, for the single-network API's readers).
    networks: store.networks.length > 0 ? store.networks : null,
    // Null when untagged, so creating a store does not name a `tags` change.
    tags: store.tags.length > 0 ? store.tags : null,
  };
}

/** Field-level before/after of everything that differs. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { before: from, after: to };
  }
  return changes;
}
