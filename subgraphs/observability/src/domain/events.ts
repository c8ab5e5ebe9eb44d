import type { NewDomainEvent } from '@switchyard/shared';

/** The aggregates of this subgraph's own events (what its subscriptions stream). */
export const SERVICE_STATUS_AGGREGATE = 'ServiceStatus';
export const ALERT_AGGREGATE = 'Alert';
export const ACTIVITY_AGGREGATE = 'Activity';

/** The aggregates other subgraphs publish, followed live on the bus for the activity feed, and who publishes them. */
export const FOLLOWED_AGGREGATES: Record<string, string> = {
  Store: 'stores',
  Session: 'identity',
  Hub: 'hardware',
  Device: 'hardware',
  Asset: 'hardware',
  CircuitBreaker: 'hardware',
  ShoppingItem: 'meals',
  MealPlanSlot: 'meals',
};

const SYSTEM = { kind: 'system', id: null } as const;

export function serviceStatusChanged(name: string, payload: { status: string; previous: string | null }): NewDomainEvent {
  return { type: 'ServiceStatusChanged', aggregateType: SERVICE_STATUS_AGGREGATE, aggregateId: name, actor: SYSTEM, payload: { name, ...payload } };
}

export function alertChanged(alertId: string, status: string): NewDomainEvent {
  return { type: 'AlertChanged', aggregateType: ALERT_AGGREGATE, aggregateId: alertId, actor: SYSTEM, payload: { alertId, status } };
}

export function activityAdded(entryId: string): NewDomainEvent {
  return { type: 'ActivityAdded', aggregateType: ACTIVITY_AGGREGATE, aggregateId: entryId, actor: SYSTEM, payload: { entryId } };
}
