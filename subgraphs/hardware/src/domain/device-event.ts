import { createHash, randomUUID } from 'node:crypto';
import type { HubitatEvent, NewDomainEvent } from '@switchyard/shared';
import type { DeviceEventSource } from './types.ts';

export const DEVICE_AGGREGATE = 'Device';

/** What a hub POSTs for every event (the contract of the hub events route). */
export type HubitatEventContent = HubitatEvent['content'];

/** A device event on its way into the history, from the hub's push or from reconciliation. */
export interface IncomingDeviceEvent {
  hubId: string;
  hubDeviceId: string;
  name: string;
  value: string | null;
  unit: string | null;
  description: string | null;
  source: DeviceEventSource;
  /** See eventContentHash. */
  contentHash: string;
  receivedAt: Date;
  /**
   * Apply only if the attribute has not changed since this instant. Reconciliation sets it to when
   * its poll started, so a value pushed by the hub meanwhile is not overwritten by the older poll.
   */
  unlessChangedSince: Date | null;
}

/**
 * Hubs put no id or timestamp in what they push, and a resend is byte-for-byte the same body, so
 * a delivery is recognised as a duplicate by the hash of its content: it is a duplicate when it
 * equals the event that last set this attribute and arrives within the dedupe window. Comparing
 * with the attribute's last event (rather than any recent event) keeps a real on → off → on
 * within the window as three events; what it collapses is the same content repeated within the
 * window, which for state attributes is no change at all. Momentary events are the exception: see
 * incomingContentHash.
 */
export function eventContentHash(hubId: string, content: HubitatEventContent): string {
  const canonical = [
    hubId,
    content.deviceId ?? null,
    content.name,
    content.value ?? null,
    content.unit ?? null,
    content.descriptionText ?? null,
    content.type ?? null,
    content.data ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}

/**
 * Attributes that report an action rather than a state: pressing button 1 twice is two `pushed: 1`
 * events with identical content, so their content says nothing about whether a POST is a resend.
 */
export const MOMENTARY_ATTRIBUTES: ReadonlySet<string> = new Set(['pushed', 'held', 'doubleTapped', 'released']);

/**
 * Whether an event is never collapsed by value: a momentary attribute, or an event the hub flags
 * with `isStateChange: true` (Hubitat repeats an unchanged value only when a driver forces it so).
 */
export function isMomentary(content: Pick<HubitatEventContent, 'name' | 'isStateChange'>): boolean {
  return MOMENTARY_ATTRIBUTES.has(content.name) || content.isStateChange === true;
}

/**
 * The hash a delivery is de-duplicated by. State attributes: their content (eventContentHash).
 * Momentary events: the delivery's identity, when the sender gives one (the simulator's
 * X-Hubitat-Delivery header, shared by every retry of one delivery), so a retried POST is one
 * event and a second press is another; a real hub sends no identity, so each of its POSTs of a
 * momentary event is an event (a resend after a lost answer counts twice, the lesser evil than
 * losing presses).
 */
export function incomingContentHash(hubId: string, content: HubitatEventContent, deliveryId: string | null): string {
  if (!isMomentary(content)) return eventContentHash(hubId, content);
  const identity = deliveryId ? ['delivery', deliveryId] : ['unidentified', randomUUID()];
  return createHash('sha256')
    .update(JSON.stringify([hubId, ...identity]))
    .digest('base64url');
}

export function sourceOf(type: string | null | undefined): DeviceEventSource {
  if (type === 'physical') return 'PHYSICAL';
  if (type === 'digital') return 'DIGITAL';
  return 'UNKNOWN';
}

export function incomingFromHub(
  hubId: string,
  content: HubitatEventContent & { deviceId: string },
  receivedAt: Date,
  deliveryId: string | null = null,
): IncomingDeviceEvent {
  return {
    hubId,
    hubDeviceId: content.deviceId,
    name: content.name,
    value: content.value ?? null,
    unit: content.unit ?? null,
    description: content.descriptionText ?? null,
    source: sourceOf(content.type),
    contentHash: incomingContentHash(hubId, content, deliveryId),
    receivedAt,
    unlessChangedSince: null,
  };
}

/** An attribute the poll found different from what events told us: recorded as a repaired event. */
export function incomingFromReconciliation(
  hubId: string,
  attribute: { hubDeviceId: string; name: string; value: string | null },
  pollStartedAt: Date,
  receivedAt: Date,
): IncomingDeviceEvent {
  const { hubDeviceId, name, value } = attribute;
  const contentHash = eventContentHash(hubId, { deviceId: hubDeviceId, name, value, type: 'reconciliation' });
  return {
    hubId,
    hubDeviceId,
    name,
    value,
    unit: null,
    description: null,
    source: 'RECONCILIATION',
    contentHash,
    receivedAt,
    unlessChangedSince: pollStartedAt,
  };
}

/** What became of an incoming event. */
export type IngestOutcome = 'stored' | 'duplicate' | 'superseded' | 'unknown-device';

/** An attribute's state as the dedupe decision needs it. */
export interface AttributeState {
  lastEventHash: string | null;
  updatedAt: Date;
}

/**
 * Decides, in arrival order, which of a batch's events for one attribute are stored: a duplicate
 * repeats the content hash of the event that last set the attribute within `windowMs`; a
 * reconciliation value is superseded when the attribute changed after its poll began. Returns the
 * outcome per event and the attribute's state after the batch.
 */
export function decideAttributeEvents(
  events: readonly Pick<IncomingDeviceEvent, 'contentHash' | 'receivedAt' | 'unlessChangedSince'>[],
  current: AttributeState | null,
  windowMs: number,
): { outcomes: IngestOutcome[]; state: AttributeState | null } {
  let state = current;
  const outcomes = events.map((event): IngestOutcome => {
    if (state && event.unlessChangedSince && state.updatedAt > event.unlessChangedSince) return 'superseded';
    if (
      state &&
      state.lastEventHash === event.contentHash &&
      event.receivedAt.getTime() - state.updatedAt.getTime() <= windowMs
    )
      return 'duplicate';
    state = { lastEventHash: event.contentHash, updatedAt: event.receivedAt };
    return 'stored';
  });
  return { outcomes, state };
}

export interface DeviceEventReceivedPayload {
  eventId: string;
  deviceId: string;
  /** The device's label when it happened, so that the event reads on its own (the activity feed). */
  deviceLabel: string;
  hubId: string;
  storeId: string | null;
  name: string;
  value: string | null;
  unit: string | null;
  description: string | null;
  source: DeviceEventSource;
  receivedAt: string;
}

export function deviceEventReceived(payload: DeviceEventReceivedPayload): NewDomainEvent<DeviceEventReceivedPayload> {
  return {
    type: 'DeviceEventReceived',
    aggregateType: DEVICE_AGGREGATE,
    aggregateId: payload.deviceId,
    actor: { kind: 'system', id: null },
    payload,
  };
}
