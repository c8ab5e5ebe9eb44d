import type { StoreEventResolvers } from '../generated/graphql.ts';

const KINDS = {
  StoreCreated: 'CREATED',
  StoreUpdated: 'UPDATED',
  StoreStatusChanged: 'STATUS_CHANGED',
  ProvisioningStepCompleted: 'STEP_COMPLETED',
  StoreDeleted: 'DELETED',
} as const;

export const StoreEvent: StoreEventResolvers = {
  kind: (event) => KINDS[event.type as keyof typeof KINDS],
  storeId: (event) => event.payload.storeId,
  actor: (event) => event.payload.actor,
  changedFields: (event) => event.payload.changedFields,
  version: (event) => event.sequence,
  occurredAt: (event) => new Date(event.occurredAt),
  // Not the per-request loader: a subscription's context lives for many events, and each must see
  // the store as it is. Every subscriber of one event shares one load.
  store: (event, _args, { storeAtEvent }) => storeAtEvent(event),
};
