import type { NewDomainEvent } from '@switchyard/shared';

export const ASSET_AGGREGATE = 'Asset';

export interface AssetAllocationPayload {
  assetId: string;
  serialNumber: string;
  storeId: string;
  /** The user who allocated or released it. */
  by: string | null;
}

export function assetAllocated(payload: AssetAllocationPayload): NewDomainEvent<AssetAllocationPayload> {
  return {
    type: 'AssetAllocated',
    aggregateType: ASSET_AGGREGATE,
    aggregateId: payload.assetId,
    actor: payload.by ? { kind: 'user', id: payload.by } : null,
    payload,
  };
}

export function assetReleased(payload: AssetAllocationPayload): NewDomainEvent<AssetAllocationPayload> {
  return {
    type: 'AssetReleased',
    aggregateType: ASSET_AGGREGATE,
    aggregateId: payload.assetId,
    actor: payload.by ? { kind: 'user', id: payload.by } : null,
    payload,
  };
}
