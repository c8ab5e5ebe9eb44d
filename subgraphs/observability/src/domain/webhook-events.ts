import type { DomainEvent } from '@switchyard/shared';
import type { Alert } from './types.ts';

/**
 * The webhook event catalogue: which domain events each webhook type carries, what it means, and
 * an example. A webhook body is always the envelope `{ id, type, occurredAt, data }`; `id` is the
 * domain event's id (stable across retries and redeliveries), `data` the event's payload without
 * anything secret.
 */
export interface WebhookEnvelope {
  id: string;
  type: string;
  occurredAt: string;
  data: unknown;
}

export interface WebhookEventTypeInfo {
  type: string;
  description: string;
  /** User and security events: only admins may subscribe to them. */
  adminOnly: boolean;
  /** The domain events it carries: aggregate type, and event types (all of the aggregate's when absent). */
  from: { aggregateType: string; eventTypes?: readonly string[] } | null;
  exampleData: unknown;
}

export const WEBHOOK_PING = 'webhook.ping';

/** Whether an endpoint may list a type in its event types: every one but the ping, which all get on demand. */
export const isSubscribable = (type: string) => type !== WEBHOOK_PING;

const STORE_ID = '6f1c2a7e-3b7d-4c1e-9a52-0d6f3c1e8b21';
const ACTOR = {
  kind: 'user',
  id: '7d2e9f4a-1b3c-4d5e-8f6a-9b0c1d2e3f4a',
  userId: '7d2e9f4a-1b3c-4d5e-8f6a-9b0c1d2e3f4a',
};
/** What stores puts in every store event: the store after the change and who made it. */
const storeData = (extra: Record<string, unknown>) => ({
  storeId: STORE_ID,
  code: 'LIS-01',
  changedFields: [] as string[],
  status: 'DRAFT',
  actor: ACTOR,
  ...extra,
});

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventTypeInfo[] = [
  {
    type: 'store.created',
    description: 'A store was created.',
    adminOnly: false,
    from: { aggregateType: 'Store', eventTypes: ['StoreCreated'] },
    exampleData: storeData({ changedFields: ['name', 'type', 'address', 'timezone'] }),
  },
  {
    type: 'store.updated',
    description:
      'A store changed: its details (StoreUpdated), its lifecycle status (StoreStatusChanged) or a provisioning step (ProvisioningStepCompleted); `data.change` names which.',
    adminOnly: false,
    from: { aggregateType: 'Store', eventTypes: ['StoreUpdated', 'StoreStatusChanged', 'ProvisioningStepCompleted'] },
    exampleData: {
      change: 'StoreStatusChanged',
      ...storeData({ changedFields: ['status'], status: 'PROVISIONING', from: 'DRAFT', to: 'PROVISIONING' }),
    },
  },
  {
    type: 'store.deleted',
    description: 'A store was deleted.',
    adminOnly: false,
    from: { aggregateType: 'Store', eventTypes: ['StoreDeleted'] },
    exampleData: storeData({ status: 'DECOMMISSIONED' }),
  },
  {
    type: 'device.event',
    description:
      'A device reported an event or attribute change (switch on/off, temperature, motion…), every one, whatever its significance.',
    adminOnly: false,
    from: { aggregateType: 'Device', eventTypes: ['DeviceEventReceived'] },
    exampleData: {
      eventId: '42',
      deviceId: '0b9d1f8e-5a47-4d0c-8f5e-2f7a9c3d1e60',
      deviceLabel: 'Front door light',
      hubId: '5e2c8a1d-7b3f-4f69-a0d4-1c9e8b7a6f52',
      storeId: STORE_ID,
      name: 'switch',
      value: 'on',
      unit: null,
      description: 'Front door light was turned on',
      source: 'DEVICE',
      receivedAt: '2026-12-07T09:30:00.000Z',
    },
  },
  {
    type: 'hub.status_changed',
    description: 'A Hubitat hub went ONLINE, DEGRADED or OFFLINE.',
    adminOnly: false,
    from: { aggregateType: 'Hub', eventTypes: ['HubStatusChanged'] },
    exampleData: {
      hubId: '5e2c8a1d-7b3f-4f69-a0d4-1c9e8b7a6f52',
      hubName: 'Lisbon hub',
      storeId: STORE_ID,
      status: 'OFFLINE',
      previousStatus: 'ONLINE',
      reason: 'timed out after 2000 ms',
    },
  },
  {
    type: 'alert.fired',
    description: 'An alert started firing (after its rule held for the configured checks).',
    adminOnly: false,
    from: { aggregateType: 'Alert' },
    exampleData: {
      alertId: '9a7b6c5d-4e3f-4a1b-8c2d-0e9f8a7b6c5d',
      subject: 'stores',
      status: 'FIRING',
      summary: 'stores is DOWN',
      startedAt: '2026-12-07T09:29:30.000Z',
      firedAt: '2026-12-07T09:30:00.000Z',
      resolvedAt: null,
    },
  },
  {
    type: 'alert.resolved',
    description: 'A firing alert resolved.',
    adminOnly: false,
    from: { aggregateType: 'Alert' },
    exampleData: {
      alertId: '9a7b6c5d-4e3f-4a1b-8c2d-0e9f8a7b6c5d',
      subject: 'stores',
      status: 'RESOLVED',
      summary: 'stores is DOWN',
      startedAt: '2026-12-07T09:29:30.000Z',
      firedAt: '2026-12-07T09:30:00.000Z',
      resolvedAt: '2026-12-07T09:35:00.000Z',
    },
  },
  {
    type: 'meal_plan.changed',
    description: 'A meal plan entry was set or removed (`data.kind` is ENTRY_SET or ENTRY_REMOVED).',
    adminOnly: false,
    from: { aggregateType: 'MealPlanSlot' },
    exampleData: {
      change: 'MealPlanEntrySet',
      kind: 'ENTRY_SET',
      householdId: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
      date: '2026-12-08',
      slot: 'DINNER',
    },
  },
  {
    type: 'shopping_list.changed',
    description: 'A shopping list item was added or ticked (`data.kind` is ITEM_ADDED or ITEM_TOGGLED).',
    adminOnly: false,
    from: { aggregateType: 'ShoppingItem' },
    exampleData: {
      change: 'ShoppingItemAdded',
      kind: 'ITEM_ADDED',
      item: { id: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a', name: 'Olive oil', checked: false },
    },
  },
  {
    type: 'user.changed',
    description:
      'A user was created, invited, reactivated or deactivated, changed role or email address, or an invitation was accepted or revoked (admins only).',
    adminOnly: true,
    from: { aggregateType: 'User' },
    exampleData: { change: 'UserRoleChanged', userId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b', role: 'OPERATOR' },
  },
  {
    type: 'security.event',
    description:
      'A sign-in, a revoked session, a password changed or reset, two-factor turned on or off or a recovery code used, or an API key created, rotated or revoked (admins only). Never carries a token, key secret or code.',
    adminOnly: true,
    from: { aggregateType: '*security*' },
    exampleData: { change: 'ApiKeyRevoked', keyId: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c' },
  },
  {
    type: WEBHOOK_PING,
    description:
      'A test event sent on demand (pingWebhookEndpoint); every endpoint receives it whatever its event types.',
    adminOnly: false,
    from: null,
    exampleData: { endpointId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', message: 'Hello from Switchyard' },
  },
];

const SECURITY_AGGREGATES = new Set(['Session', 'ApiKey']);
// Identity's security events on a user (subgraphs/identity/src/domain/security-feed.ts); the user's other events are user.changed.
const SECURITY_TYPES = new Set([
  'UserLoggedIn',
  'PasswordChanged',
  'PasswordReset',
  'TwoFactorEnabled',
  'TwoFactorDisabled',
  'RecoveryCodeUsed',
  'RecoveryCodesRegenerated',
]);

/** Which catalogue entry a domain event belongs to; null when webhooks do not carry it. */
export function webhookTypeOf(event: Pick<DomainEvent, 'aggregateType' | 'type' | 'payload'>): string | null {
  if (SECURITY_AGGREGATES.has(event.aggregateType) || SECURITY_TYPES.has(event.type)) return 'security.event';
  if (event.aggregateType === 'Alert') {
    const status = (event.payload as { status?: string } | null)?.status;
    return status === 'FIRING' ? 'alert.fired' : status === 'RESOLVED' ? 'alert.resolved' : null;
  }
  const entry = WEBHOOK_EVENT_TYPES.find(
    ({ from }) =>
      from?.aggregateType === event.aggregateType && (!from.eventTypes || from.eventTypes.includes(event.type)),
  );
  return entry?.type ?? null;
}

const SECRET_KEY = /password|secret|token|hash|credential/i;

/** A payload without its secrets: any key that names a password, hash, token or secret goes, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)]),
  );
}

function alertData(alert: Alert) {
  return {
    alertId: alert.id,
    subject: alert.subject,
    status: alert.status,
    summary: alert.summary,
    startedAt: alert.startedAt.toISOString(),
    firedAt: alert.firedAt?.toISOString() ?? null,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}

export interface WebhookEvent {
  envelope: WebhookEnvelope;
  /** Deliveries with the same key go to an endpoint in order. */
  aggregateKey: string;
}

/**
 * The webhook event a domain event becomes, or null. Types whose catalogue entry covers several
 * domain events name the one in `data.change`. An alert's data is the alert as it is now (its
 * event carries only its id and status).
 */
export function toWebhookEvent(event: DomainEvent, alert?: Alert | null): WebhookEvent | null {
  const type = webhookTypeOf(event);
  if (!type) return null;
  const payload = withoutSecrets(event.payload) as Record<string, unknown> | null;
  const entry = WEBHOOK_EVENT_TYPES.find((candidate) => candidate.type === type)!;
  let data: unknown;
  if (event.aggregateType === 'Alert') {
    if (!alert) return null;
    data = { ...alertData(alert), status: (event.payload as { status: string }).status };
  } else if (entry.from?.eventTypes?.length === 1) data = payload;
  else data = { change: event.type, ...payload };
  return {
    envelope: { id: event.id, type, occurredAt: event.occurredAt, data },
    aggregateKey: `${event.aggregateType}:${event.aggregateId}`,
  };
}

/** The example of a type: a full envelope, pretty-printed, as a receiver gets it. */
export function exampleEnvelope(info: WebhookEventTypeInfo): string {
  return JSON.stringify(
    {
      id: '2b8f4c1e-6d3a-4e9b-a7c5-1f0e9d8c7b6a',
      type: info.type,
      occurredAt: '2026-12-07T09:30:00.000Z',
      data: info.exampleData,
    },
    null,
    2,
  );
}
