import type { NewDomainEvent } from '@switchyard/shared';
import { STORE_AGGREGATE, type Actor, type FieldChange, type Store, type StoreEventPayload } from './types.ts';

export type StoreEventType =
  'StoreCreated' | 'StoreUpdated' | 'StoreStatusChanged' | 'ProvisioningStepCompleted' | 'StoreDeleted';

/**
 * The event of one change to a store, numbered by the store's version after it, so subscribers
 * can order and de-duplicate; `changes` names the fields that moved.
 */
export function storeEvent(
  type: StoreEventType,
  store: Store,
  changes: Record<string, FieldChange>,
  actor: Actor,
  details: Pick<StoreEventPayload, 'from' | 'to' | 'stepKey'> = {},
): NewDomainEvent<StoreEventPayload> {
  return {
    type,
    aggregateType: STORE_AGGREGATE,
    aggregateId: store.id,
    sequence: store.version,
    actor: { kind: actor.kind, id: actor.id },
    payload: {
      storeId: store.id,
      code: store.code,
      changedFields: Object.keys(changes),
      status: store.status,
      actor,
      ...details,
    },
  };
}
