import { randomUUID } from 'node:crypto';
import type { DomainEvent, NewDomainEvent, Principal } from '@switchyard/shared';

/** The aggregates of this subgraph's own events (what its subscriptions stream). */
export const SERVICE_STATUS_AGGREGATE = 'ServiceStatus';
export const ALERT_AGGREGATE = 'Alert';
export const ACTIVITY_AGGREGATE = 'Activity';

/** Published by whichever service the payload's `service` names. */
export const ANY_SERVICE = '*';

/** The aggregates other services publish, followed live on the bus for the activity feed, and who publishes them. */
export const FOLLOWED_AGGREGATES: Record<string, string> = {
  Store: 'stores',
  Session: 'identity',
  User: 'identity',
  ApiKey: 'identity',
  Hub: 'hardware',
  Device: 'hardware',
  // Hub mode, HSM and variable changes, HSM alerts.
  HubEvent: 'hardware',
  Asset: 'hardware',
  // The gateway, hardware and meals each have circuit breakers.
  CircuitBreaker: ANY_SERVICE,
  ShoppingItem: 'meals',
  MealPlanSlot: 'meals',
  Recipe: 'meals',
};

/** The service an event received on the bus comes from; null when it cannot tell. */
export function sourceOf(event: DomainEvent): string | null {
  const source = FOLLOWED_AGGREGATES[event.aggregateType];
  if (source !== ANY_SERVICE) return source ?? null;
  const service = (event.payload as { service?: unknown } | null)?.service;
  return typeof service === 'string' ? service : null;
}

const SYSTEM = { kind: 'system', id: null } as const;

export function serviceStatusChanged(
  name: string,
  payload: { status: string; previous: string | null },
): NewDomainEvent {
  return {
    type: 'ServiceStatusChanged',
    aggregateType: SERVICE_STATUS_AGGREGATE,
    aggregateId: name,
    actor: SYSTEM,
    payload: { name, ...payload },
  };
}

export function alertChanged(alertId: string, status: string): NewDomainEvent {
  return {
    type: 'AlertChanged',
    aggregateType: ALERT_AGGREGATE,
    aggregateId: alertId,
    actor: SYSTEM,
    payload: { alertId, status },
  };
}

export function activityAdded(entryId: string): NewDomainEvent {
  return {
    type: 'ActivityAdded',
    aggregateType: ACTIVITY_AGGREGATE,
    aggregateId: entryId,
    actor: SYSTEM,
    payload: { entryId },
  };
}

/**
 * An operator's or admin's change made here (a silence edited or ended, a breaker reset), written
 * straight into the activity feed (source observability) with who did it: the audit record.
 */
export function auditEvent(
  type: string,
  aggregateType: string,
  aggregateId: string,
  principal: Pick<Principal, 'kind' | 'userId' | 'apiKeyId'> | null,
  payload: Record<string, unknown>,
  at: Date,
): DomainEvent {
  return {
    id: randomUUID(),
    type,
    aggregateType,
    aggregateId,
    sequence: 0,
    occurredAt: at.toISOString(),
    actor: !principal
      ? SYSTEM
      : principal.kind === 'apiKey'
        ? { kind: 'apiKey', id: principal.apiKeyId }
        : { kind: 'user', id: principal.userId },
    payload,
  };
}
