import { describe, expect, it } from '@jest/globals';
import { describeActivity, devicePhrase, sentenceText, type ActivityEntryView } from './activity-text.ts';

const admin = { actorKind: 'USER' as const, actor: { displayName: 'Vera Okafor' } };
const downtown = { id: 's1', name: 'Downtown' };
const sentence = (kind: string, details: object, entry: Partial<ActivityEntryView> = {}) =>
  sentenceText(describeActivity({ kind, details: JSON.stringify(details), ...entry }));

describe('device events read as what the device did', () => {
  it.each([
    ['contact', 'open', null, 'opened'],
    ['contact', 'closed', null, 'closed'],
    ['switch', 'on', null, 'turned on'],
    ['switch', 'off', null, 'turned off'],
    ['motion', 'active', null, 'detected motion'],
    ['motion', 'inactive', null, 'stopped detecting motion'],
    ['lock', 'locked', null, 'was locked'],
    ['lock', 'unlocked', null, 'was unlocked'],
    ['lock', 'jammed', null, 'is jammed'],
    ['presence', 'present', null, 'arrived'],
    ['presence', 'not present', null, 'left'],
    ['water', 'wet', null, 'detected water'],
    ['smoke', 'detected', null, 'detected smoke'],
    ['door', 'opening', null, 'is opening'],
    ['pushed', '2', null, 'had button 2 pushed'],
    ['level', '40', '%', 'was set to 40 %'],
    ['level', '40', null, 'was set to 40 %'],
    ['temperature', '21.5', '°C', 'reads 21.5 °C'],
    ['humidity', '45', '%', 'reads 45 % humidity'],
    ['power', '12.5', 'W', 'draws 12.5 W'],
    ['battery', '80', '%', 'has 80 % battery left'],
    ['thermostatMode', 'heat', null, 'switched to heat mode'],
    ['heatingSetpoint', '20', '°C', 'was set to heat to 20 °C'],
    // Values and attributes this table does not know still read as a statement.
    ['contact', 'ajar', null, 'contact is ajar'],
    ['colorTemperature', '2700', 'K', 'color temperature is 2700 K'],
  ])('%s %s (%s) → "%s"', (attribute, value, unit, phrase) => {
    expect(devicePhrase(attribute, value, unit)).toBe(phrase);
  });

  it('name the device by its label, and the store its hub is in', () => {
    const event = { deviceLabel: 'Front Door Contact', name: 'contact', value: 'open', storeId: 's1' };
    expect(sentence('DeviceEventReceived', event, { actorKind: 'SYSTEM', store: downtown })).toBe(
      'Front Door Contact opened at Downtown',
    );
    expect(sentence('DeviceEventReceived', { ...event, storeId: null }, { actorKind: 'SYSTEM' })).toBe(
      'Front Door Contact opened',
    );
  });

  it('fall back to the hub’s own description for events recorded without a label', () => {
    expect(
      sentence('DeviceEventReceived', {
        name: 'contact',
        value: 'open',
        description: 'Front Door Contact contact is open',
      }),
    ).toBe('Front Door Contact contact is open');
    expect(sentence('DeviceEventReceived', { name: 'switch', value: 'on' })).toBe('A device turned on');
  });
});

describe('activity sentences', () => {
  it.each([
    ['StoreCreated', {}, admin, 'Vera Okafor created Downtown'],
    [
      'StoreUpdated',
      { changedFields: ['name', 'timezone'] },
      admin,
      'Vera Okafor changed the name and timezone of Downtown',
    ],
    ['StoreUpdated', { changedFields: [] }, admin, 'Vera Okafor updated Downtown'],
    ['StoreStatusChanged', { from: 'DRAFT', to: 'PROVISIONING' }, admin, 'Vera Okafor started provisioning Downtown'],
    ['StoreStatusChanged', { from: 'PROVISIONING', to: 'ACTIVE' }, admin, 'Vera Okafor opened Downtown'],
    ['StoreStatusChanged', { from: 'SUSPENDED', to: 'ACTIVE' }, admin, 'Vera Okafor reactivated Downtown'],
    ['StoreStatusChanged', { from: 'ACTIVE', to: 'SUSPENDED' }, admin, 'Vera Okafor suspended Downtown'],
    [
      'ProvisioningStepCompleted',
      { stepKey: 'networkConfigured' },
      admin,
      'Vera Okafor completed “network configured” for Downtown',
    ],
    ['AssetAllocated', { serialNumber: 'SN-1' }, admin, 'Vera Okafor allocated asset SN-1 to Downtown'],
    ['UserLoggedIn', {}, admin, 'Vera Okafor signed in'],
    ['RecipeImported', { title: 'Pancakes' }, admin, 'Vera Okafor imported the recipe “Pancakes”'],
    ['ShoppingItemAdded', { item: { food: 'eggs' } }, admin, 'Vera Okafor added eggs to the shopping list'],
    ['ShoppingItemToggled', { item: { food: 'eggs', checked: true } }, admin, 'Vera Okafor ticked off eggs'],
    ['ShoppingItemToggled', { item: { food: 'eggs', checked: false } }, admin, 'Vera Okafor put eggs back on the list'],
    [
      'MealPlanEntrySet',
      { slot: 'DINNER', date: '2026-03-03' },
      admin,
      'Vera Okafor planned dinner for Tuesday 3 March',
    ],
    ['StoreCreated', {}, { actorKind: 'SYSTEM' as const }, 'Switchyard created Downtown'],
    ['StoreCreated', {}, { actorKind: 'API_KEY' as const }, 'An API key created Downtown'],
    // A user who no longer resolves is not made up.
    ['StoreCreated', {}, { actorKind: 'USER' as const, actor: null }, 'Someone created Downtown'],
    [
      'HubStatusChanged',
      { hubName: 'Till', status: 'OFFLINE', reason: 'timed out' },
      {},
      'Hub Till went offline (timed out)',
    ],
    ['HubStatusChanged', { hubName: 'Till', status: 'ONLINE', reason: 'answered' }, {}, 'Hub Till is back online'],
    [
      'HubEventRecorded',
      { hubName: 'Till', kind: 'HSM_ALERT', value: 'intrusion' },
      {},
      'HSM alert (intrusion) at hub Till',
    ],
    ['HubEventRecorded', { hubName: 'Till', kind: 'MODE', value: 'Away' }, {}, 'The mode of hub Till is now Away'],
    [
      'CircuitBreakerStateChanged',
      { service: 'gateway', name: 'subgraph:stores', state: 'OPEN' },
      {},
      'The gateway’s circuit breaker for the stores subgraph opened',
    ],
    [
      'CircuitBreakerStateChanged',
      { service: 'meals', name: 'recipe-import:example.com', state: 'CLOSED' },
      {},
      'The meals subgraph’s circuit breaker for recipe imports from example.com closed again',
    ],
    ['SessionRevoked', { reason: 'logout' }, {}, 'Someone signed out'],
    ['SessionRevoked', { reason: 'revoked by an admin' }, {}, 'An admin ended a user’s session'],
    ['ApiKeyRotated', { name: 'sync' }, admin, 'Vera Okafor rotated the API key “sync”'],
    [
      'UserCreated',
      { email: 'ann@example.test', role: 'VIEWER' },
      admin,
      'Vera Okafor added the user ann@example.test as viewer',
    ],
    ['SomethingNew', {}, admin, 'Something new (by Vera Okafor) · Downtown'],
  ])('%s %j', (kind, details, entry, expected) => {
    expect(sentence(kind, details, { store: downtown, ...entry })).toBe(expected);
  });

  it('use the display name whole, whatever it is', () => {
    expect(sentence('UserLoggedIn', {}, { actorKind: 'USER', actor: { displayName: 'V' } })).toBe('V signed in');
    expect(sentence('UserLoggedIn', {}, { actorKind: 'USER', actor: { displayName: 'Administrator' } })).toBe(
      'Administrator signed in',
    );
  });

  it('link the store where it belongs, and name a deleted one by its code', () => {
    expect(
      describeActivity({
        kind: 'StoreStatusChanged',
        details: '{"from":"DRAFT","to":"PROVISIONING"}',
        ...admin,
        store: downtown,
      }),
    ).toEqual([{ text: 'Vera Okafor started provisioning ' }, { store: 'Downtown', storeId: 's1' }]);
    expect(sentence('StoreDeleted', { code: 'ST-0007' }, admin)).toBe('Vera Okafor deleted store ST-0007');
  });
});
