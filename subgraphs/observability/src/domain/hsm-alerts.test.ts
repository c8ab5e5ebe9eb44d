import type { DomainEvent } from '@switchyard/shared';
import { hsmChange, hsmObservation, hsmSummary } from './hsm-alerts.ts';

const event = (kind: string, value: string | null, type = 'HubEventRecorded'): DomainEvent =>
  ({
    id: 'e1',
    type,
    aggregateType: 'HubEvent',
    aggregateId: 'h1',
    sequence: 1,
    occurredAt: '2026-12-07T10:00:00.000Z',
    actor: null,
    payload: {
      hubId: 'h1',
      hubName: 'Shop',
      storeId: 's1',
      kind,
      name: 'x',
      value,
      receivedAt: '2026-12-07T10:00:01.000Z',
    },
  }) as unknown as DomainEvent;

describe('HSM alerts', () => {
  it('raise on an alert, end on cancel or disarm, and ignore the rest', () => {
    expect(hsmChange(event('HSM_ALERT', 'intrusion'))).toEqual({
      hubId: 'h1',
      hubName: 'Shop',
      storeId: 's1',
      at: new Date('2026-12-07T10:00:01.000Z'),
      alert: 'intrusion',
    });
    expect(hsmChange(event('HSM_ALERT', 'cancel'))?.alert).toBeNull();
    expect(hsmChange(event('HSM_STATUS', 'disarmed'))?.alert).toBeNull();
    expect(hsmChange(event('HSM_STATUS', 'allDisarmed'))?.alert).toBeNull();
    expect(hsmChange(event('HSM_STATUS', 'armedAway'))).toBeNull();
    expect(hsmChange(event('HSM_ALERT', 'arming'))).toBeNull();
    expect(hsmChange(event('MODE', 'Away'))).toBeNull();
    expect(hsmChange(event('HSM_ALERT', 'intrusion', 'DeviceEventReceived'))).toBeNull();
  });

  it('observe a hub by its id and say what happened', () => {
    const at = new Date('2026-12-07T10:00:00.000Z');
    expect(hsmObservation({ hubId: 'h1', alert: 'smoke', alertAt: at })).toEqual({
      kind: 'since',
      subject: 'h1',
      active: true,
      sinceMs: at.getTime(),
    });
    expect(hsmObservation({ hubId: 'h1', alert: null, alertAt: null }).active).toBe(false);
    expect(hsmSummary({ hubName: 'Shop', alert: 'intrusion-night' }, 'h1')).toBe('Intrusion-night alert at hub Shop');
    expect(hsmSummary(undefined, 'h1')).toBe('HSM alert at hub h1');
  });
});
