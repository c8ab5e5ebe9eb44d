import type { DomainEvent } from '@switchyard/shared';
import { matchesFilter, toActivity, visibleTo, worthRecording } from './activity.ts';

const event = (overrides: Partial<DomainEvent>): DomainEvent => ({
  id: 'e1',
  type: 'StoreCreated',
  aggregateType: 'Store',
  aggregateId: 's1',
  sequence: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: { kind: 'user', id: 'u1' },
  payload: { storeId: 's1' },
  ...overrides,
});

describe('activity entries', () => {
  it('link to the store and to a user actor', () => {
    expect(toActivity('stores', event({}))).toMatchObject({ storeId: 's1', actorId: 'u1', source: 'stores' });
    const hub = toActivity(
      'hardware',
      event({
        type: 'HubStatusChanged',
        aggregateType: 'Hub',
        aggregateId: 'h1',
        actor: { kind: 'system', id: null },
        payload: { storeId: 's9' },
      }),
    );
    expect(hub).toMatchObject({ storeId: 's9', actorId: null });
    expect(toActivity('meals', event({ aggregateType: 'MealPlan', payload: {} })).storeId).toBeNull();
  });

  it('filter by kinds, store, actor and time', () => {
    const entry = toActivity('stores', event({}));
    expect(matchesFilter(entry, {})).toBe(true);
    expect(matchesFilter(entry, { kinds: ['StoreCreated'], storeId: 's1', actorId: 'u1' })).toBe(true);
    expect(matchesFilter(entry, { kinds: ['StoreDeleted'] })).toBe(false);
    expect(matchesFilter(entry, { storeId: 's2' })).toBe(false);
    expect(matchesFilter(entry, { from: new Date('2026-01-02') })).toBe(false);
  });
});

describe('which events the feed records', () => {
  const device = (name: string) =>
    event({ type: 'DeviceEventReceived', aggregateType: 'Device', payload: { name, value: 'x' } });

  it('keeps device events from the configured significance up, and every other event', () => {
    expect(worthRecording(device('lock'), 'high')).toBe(true);
    expect(worthRecording(device('switch'), 'high')).toBe(false);
    expect(worthRecording(device('switch'), 'medium')).toBe(true);
    expect(worthRecording(device('power'), 'medium')).toBe(false);
    expect(worthRecording(device('somethingNew'), 'medium')).toBe(false);
    expect(worthRecording(device('power'), 'low')).toBe(true);
    expect(worthRecording(event({}), 'high')).toBe(true);
  });
});

describe('who may read an entry', () => {
  const household = toActivity('meals', event({ type: 'ShoppingItemAdded', payload: { householdId: 'h1' } }));
  const signIn = toActivity('identity', event({ type: 'UserLoggedIn', payload: { userId: 'u1' } }));
  const store = toActivity('stores', event({}));
  const reader = (isAdmin: boolean, householdId: string | null) => ({ isAdmin, householdId });

  it("shows a household's events to its members only, admins included", () => {
    expect(visibleTo(household, reader(false, 'h1'))).toBe(true);
    expect(visibleTo(household, reader(false, 'h2'))).toBe(false);
    expect(visibleTo(household, reader(false, null))).toBe(false);
    expect(visibleTo(household, reader(true, null))).toBe(false);
  });

  it("shows identity's events to admins only, and the rest to everyone", () => {
    expect(signIn.adminOnly).toBe(true);
    expect(visibleTo(signIn, reader(false, 'h1'))).toBe(false);
    expect(visibleTo(signIn, reader(true, null))).toBe(true);
    expect(visibleTo(store, reader(false, null))).toBe(true);
  });
});
