import type { DomainEvent, Principal } from '@switchyard/shared';

/** An activity feed row, from a domain event of another subgraph. */
export interface Activity {
  id: string;
  source: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  storeId: string | null;
  actorKind: ActorKind | null;
  actorId: string | null;
  payload: unknown;
  occurredAt: Date;
  /** Set for a household's events (meals): only its members read them. */
  householdId: string | null;
  /** Identity's events (sign-ins, sessions: who uses the system, when, from where): admins only. */
  adminOnly: boolean;
}

/**
 * Who reads the feed. An entry follows the rules of the data it describes: a household's shopping
 * items, plan and recipes are its members' alone (meals hides them from everyone else, admins
 * included), users' sign-ins and sessions are for admins, the rest (stores, hardware, monitoring)
 * for anyone signed in, as those subgraphs' queries are.
 */
export interface ActivityReader {
  isAdmin: boolean;
  /** The reader's household (from meals); null when in none or when meals cannot say. */
  householdId: string | null;
}

export function readerOf(principal: Pick<Principal, 'role'>, householdId: string | null): ActivityReader {
  return { isAdmin: principal.role === 'ADMIN', householdId };
}

/** Sources whose events are about users themselves. */
const ADMIN_ONLY_SOURCES = new Set(['identity']);

export type ActorKind = NonNullable<DomainEvent['actor']>['kind'];

export interface ActivityFilter {
  kinds?: string[] | null;
  storeId?: string | null;
  actorId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function toActivity(source: string, event: DomainEvent): Activity {
  const payload = (event.payload ?? {}) as { storeId?: unknown; householdId?: unknown };
  const storeId =
    event.aggregateType === 'Store' ? event.aggregateId : typeof payload.storeId === 'string' ? payload.storeId : null;
  return {
    id: event.id,
    source,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    storeId,
    actorKind: event.actor?.kind ?? null,
    // Only users resolve through identity; API keys and the system have no User entity.
    actorId: event.actor?.kind === 'user' ? event.actor.id : null,
    payload: event.payload,
    occurredAt: new Date(event.occurredAt),
    householdId: typeof payload.householdId === 'string' ? payload.householdId : null,
    adminOnly: ADMIN_ONLY_SOURCES.has(source),
  };
}

/** The in-memory twin of the repository's audience clause, for live subscribers. */
export function visibleTo(entry: Activity, reader: ActivityReader): boolean {
  if (entry.adminOnly && !reader.isAdmin) return false;
  return entry.householdId === null || entry.householdId === reader.householdId;
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

export type Significance = 'low' | 'medium' | 'high';
const RANK: Record<Significance, number> = { low: 0, medium: 1, high: 2 };

/**
 * How much a device attribute's change matters to people reading the feed: safety and access
 * first, then things someone switched or that show presence; readings (power, temperature,
 * battery, levels) and anything unknown are low, or a meter would flood the feed.
 */
const ATTRIBUTE_SIGNIFICANCE: Record<string, Significance> = {
  lock: 'high',
  smoke: 'high',
  carbonMonoxide: 'high',
  water: 'high',
  alarm: 'high',
  hsmStatus: 'high',
  tamper: 'high',
  switch: 'medium',
  contact: 'medium',
  motion: 'medium',
  presence: 'medium',
  door: 'medium',
  valve: 'medium',
  thermostatMode: 'medium',
  healthStatus: 'medium',
  acceleration: 'medium',
};

/** Whether an event belongs in the feed: device events only from `minimum` significance up, everything else always. */
export function worthRecording(event: DomainEvent, minimum: Significance): boolean {
  if (event.type !== 'DeviceEventReceived') return true;
  const attribute = (event.payload as { name?: unknown } | null)?.name;
  return RANK[(typeof attribute === 'string' && ATTRIBUTE_SIGNIFICANCE[attribute]) || 'low'] >= RANK[minimum];
}
