import type { DomainEvent } from '@switchyard/shared';

/** An activity feed row, from a domain event of another subgraph. */
export interface Activity {
  id: string;
  source: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  storeId: string | null;
  actorId: string | null;
  payload: unknown;
  occurredAt: Date;
}

export interface ActivityFilter {
  kinds?: string[] | null;
  storeId?: string | null;
  actorId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function toActivity(source: string, event: DomainEvent): Activity {
  const payload = (event.payload ?? {}) as { storeId?: unknown };
  const storeId = event.aggregateType === 'Store' ? event.aggregateId : typeof payload.storeId === 'string' ? payload.storeId : null;
  return {
    id: event.id,
    source,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    storeId,
    // Only users resolve through identity; API keys and the system have no User entity.
    actorId: event.actor?.kind === 'user' ? event.actor.id : null,
    payload: event.payload,
    occurredAt: new Date(event.occurredAt),
  };
}

/** The in-memory twin of the repository's WHERE clause, for live subscribers. */
export function matchesFilter(entry: Activity, filter: ActivityFilter): boolean {
  return (
    (!filter.kinds?.length || filter.kinds.includes(entry.type)) &&
    (!filter.storeId || filter.storeId === entry.storeId) &&
    (!filter.actorId || filter.actorId === entry.actorId) &&
    (!filter.from || entry.occurredAt >= filter.from) &&
    (!filter.to || entry.occurredAt <= filter.to)
  );
}
