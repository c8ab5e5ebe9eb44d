import type { DomainEvent } from '@switchyard/shared';
import type { Alert } from './types.ts';
import {
  WEBHOOK_EVENT_TYPES,
  exampleEnvelope,
  toWebhookEvent,
  webhookTypeOf,
  withoutSecrets,
} from './webhook-events.ts';
import { adminOnlyTypes, createWebhookEndpointSchema } from './webhook-input.ts';

const event = (overrides: Partial<DomainEvent>): DomainEvent => ({
  id: 'e1',
  type: 'StoreCreated',
  aggregateType: 'Store',
  aggregateId: 's1',
  sequence: 1,
  occurredAt: '2026-12-07T10:00:00.000Z',
  actor: { kind: 'user', id: 'u1' },
  payload: { storeId: 's1' },
  ...overrides,
});

describe('webhook event mapping', () => {
  it.each([
    ['Store', 'StoreCreated', 'store.created'],
    ['Store', 'StoreUpdated', 'store.updated'],
    ['Store', 'StoreStatusChanged', 'store.updated'],
    ['Store', 'StoreDeleted', 'store.deleted'],
    ['Device', 'DeviceEventReceived', 'device.event'],
    ['Hub', 'HubStatusChanged', 'hub.status_changed'],
    ['MealPlanSlot', 'MealPlanEntrySet', 'meal_plan.changed'],
    ['ShoppingItem', 'ShoppingItemToggled', 'shopping_list.changed'],
    ['User', 'UserRoleChanged', 'user.changed'],
    ['User', 'UserLoggedIn', 'security.event'],
    ['Session', 'SessionRevoked', 'security.event'],
    ['ApiKey', 'ApiKeyCreated', 'security.event'],
    ['CircuitBreaker', 'CircuitBreakerStateChanged', null],
    ['Asset', 'AssetAllocated', null],
  ])('%s %s becomes %s', (aggregateType, type, expected) => {
    expect(webhookTypeOf(event({ aggregateType, type }))).toBe(expected);
  });

  it('wraps the payload in the envelope, naming the domain event where a type covers several', () => {
    expect(toWebhookEvent(event({}))).toEqual({
      envelope: { id: 'e1', type: 'store.created', occurredAt: '2026-12-07T10:00:00.000Z', data: { storeId: 's1' } },
      aggregateKey: 'Store:s1',
    });
    expect(toWebhookEvent(event({ type: 'StoreUpdated' }))!.envelope.data).toEqual({
      change: 'StoreUpdated',
      storeId: 's1',
    });
  });

  it('sends an alert as it is, only when it fires or resolves', () => {
    const alert: Alert = {
      id: 'a1',
      ruleId: 'r1',
      ruleName: 'Service down',
      subject: 'stores',
      status: 'RESOLVED',
      summary: 'stores is DOWN',
      silenced: false,
      maintenanceId: null,
      startedAt: new Date('2026-12-07T09:00:00.000Z'),
      firedAt: new Date('2026-12-07T09:01:00.000Z'),
      resolvedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      note: null,
      reopenCount: 0,
      lastReopenedAt: null,
    };
    const changed = (status: string) =>
      event({ type: 'AlertChanged', aggregateType: 'Alert', aggregateId: 'a1', payload: { alertId: 'a1', status } });
    expect(toWebhookEvent(changed('FIRING'), alert)!.envelope).toMatchObject({
      type: 'alert.fired',
      data: { alertId: 'a1', status: 'FIRING', subject: 'stores', firedAt: '2026-12-07T09:01:00.000Z' },
    });
    expect(toWebhookEvent(changed('RESOLVED'), alert)!.envelope.type).toBe('alert.resolved');
    expect(toWebhookEvent(changed('PENDING'), alert)).toBeNull();
    expect(toWebhookEvent(changed('FIRING'), null)).toBeNull();
  });

  it('never carries passwords, hashes, tokens or secrets, at any depth', () => {
    expect(
      withoutSecrets({
        userId: 'u1',
        passwordHash: 'x',
        nested: [{ accessToken: 'x', refresh_token: 'x', name: 'kept', keySecret: 'x' }],
        apiKey: { id: 'k1', secretHash: 'x' },
      }),
    ).toEqual({ userId: 'u1', nested: [{ name: 'kept' }], apiKey: { id: 'k1' } });
  });
});

describe('webhook event catalogue', () => {
  it('describes every type with an example envelope of that type', () => {
    for (const info of WEBHOOK_EVENT_TYPES) {
      expect(info.description.length).toBeGreaterThan(10);
      expect(JSON.parse(exampleEnvelope(info))).toEqual({
        id: expect.any(String),
        type: info.type,
        occurredAt: expect.any(String),
        data: info.exampleData,
      });
    }
  });

  it('marks the user and security types admin-only, and refuses the ping as a subscription', () => {
    expect(adminOnlyTypes(['store.created', 'user.changed', 'security.event'])).toEqual([
      'user.changed',
      'security.event',
    ]);
    expect(createWebhookEndpointSchema.safeParse({ url: 'https://x.test', eventTypes: ['webhook.ping'] }).success).toBe(
      false,
    );
    expect(createWebhookEndpointSchema.safeParse({ url: 'https://x.test', eventTypes: [] }).success).toBe(false);
    expect(
      createWebhookEndpointSchema.parse({ url: 'https://x.test', eventTypes: ['store.created', 'store.created'] }),
    ).toEqual({
      url: 'https://x.test',
      description: '',
      eventTypes: ['store.created'],
    });
  });
});
