import type { NewDomainEvent } from '@switchyard/shared';
import type { HubStatus } from './types.ts';

export const HUB_AGGREGATE = 'Hub';

export interface HubStatusChangedPayload {
  hubId: string;
  /** The hub's name when it happened, so that the event reads on its own (the activity feed). */
  hubName: string;
  storeId: string | null;
  status: HubStatus;
  previousStatus: HubStatus;
  /** Why, for operators: e.g. "timed out after 2000 ms". Never contains the access token. */
  reason: string;
  changedAt: string;
}

export function hubStatusChanged(payload: HubStatusChangedPayload): NewDomainEvent<HubStatusChangedPayload> {
  return {
    type: 'HubStatusChanged',
    aggregateType: HUB_AGGREGATE,
    aggregateId: payload.hubId,
    actor: { kind: 'system', id: null },
    payload,
  };
}
