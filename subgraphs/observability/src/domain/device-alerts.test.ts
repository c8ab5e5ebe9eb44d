import type { AlertRule } from './alert-lifecycle.ts';
import { evaluateCondition, nextStatuses } from './alert-lifecycle.ts';
import { deviceChange, deviceObservation, deviceSummary, type DeviceObservation } from './device-alerts.ts';

const rule = (kind: AlertRule['kind'], changes: Partial<AlertRule> = {}): AlertRule => ({
  id: 'r',
  name: kind,
  kind,
  target: null,
  thresholdMs: null,
  thresholdPercent: null,
  consecutiveChecks: 1,
  forSeconds: 0,
  enabled: true,
  ...changes,
});

const NOW = Date.parse('2026-12-07T12:00:00Z');
const device = (changes: Partial<DeviceObservation> = {}): DeviceObservation => ({
  kind: 'device',
  subject: 'device:d1',
  label: 'Kitchen smoke sensor',
  storeId: null,
  battery: 80,
  healthStatus: null,
  healthChangedAtMs: null,
  lastEventAtMs: NOW - 60_000,
  ...changes,
});

describe('LOW_BATTERY', () => {
  it('fires at once below the rule’s threshold, 20 % without one, and says the level', () => {
    expect(evaluateCondition(rule('LOW_BATTERY'), device({ battery: 12 }), NOW)).toEqual({
      breaching: true,
      sustained: true,
    });
    expect(evaluateCondition(rule('LOW_BATTERY'), device({ battery: 20 }), NOW)?.breaching).toBe(false);
    expect(
      evaluateCondition(rule('LOW_BATTERY', { thresholdPercent: 30 }), device({ battery: 25 }), NOW)?.breaching,
    ).toBe(true);
    expect(evaluateCondition(rule('LOW_BATTERY'), device({ battery: null }), NOW)?.breaching).toBe(false);
    expect(nextStatuses(null, evaluateCondition(rule('LOW_BATTERY'), device({ battery: 5 }), NOW))).toEqual([
      'PENDING',
      'FIRING',
    ]);
    expect(deviceSummary(rule('LOW_BATTERY'), device({ battery: 12 }), NOW)).toBe(
      'Kitchen smoke sensor battery at 12 %',
    );
  });
});

describe('DEVICE_OFFLINE', () => {
  const offline = rule('DEVICE_OFFLINE', { forSeconds: 600 });

  it('holds while the hub says offline, and fires once that lasted forSeconds', () => {
    const justNow = device({ healthStatus: 'offline', healthChangedAtMs: NOW - 60_000 });
    expect(evaluateCondition(offline, justNow, NOW)).toEqual({ breaching: true, sustained: false });
    const long = device({ healthStatus: 'offline', healthChangedAtMs: NOW - 700_000, lastEventAtMs: NOW - 700_000 });
    expect(evaluateCondition(offline, long, NOW)).toEqual({ breaching: true, sustained: true });
    expect(deviceSummary(offline, long, NOW)).toBe('Kitchen smoke sensor is offline (its hub says so)');
    expect(evaluateCondition(offline, device({ healthStatus: 'online' }), NOW)?.breaching).toBe(false);
  });

  it('fires for a device that sent nothing for forSeconds; with forSeconds 0 only the hub’s word counts', () => {
    const quiet = device({ lastEventAtMs: NOW - 2 * 3_600_000 });
    expect(evaluateCondition(offline, quiet, NOW)).toEqual({ breaching: true, sustained: true });
    expect(deviceSummary(offline, quiet, NOW)).toBe('Kitchen smoke sensor has sent nothing for 2 h');
    expect(evaluateCondition(rule('DEVICE_OFFLINE'), quiet, NOW)?.breaching).toBe(false);
  });
});

describe('deviceChange', () => {
  const event = (name: string, value: string | null) => ({
    id: 'e',
    type: 'DeviceEventReceived',
    aggregateType: 'Device',
    aggregateId: 'd1',
    sequence: 1,
    occurredAt: '2026-12-07T11:00:00.000Z',
    actor: null,
    payload: {
      deviceId: 'd1',
      deviceLabel: 'Back door',
      hubId: 'h1',
      storeId: 's1',
      name,
      value,
      receivedAt: '2026-12-07T11:00:01.000Z',
    },
  });

  it('reads battery levels and health reports, and only device events', () => {
    expect(deviceChange(event('battery', '12.4'))).toEqual({
      id: 'd1',
      label: 'Back door',
      hubId: 'h1',
      storeId: 's1',
      at: new Date('2026-12-07T11:00:01.000Z'),
      battery: 12,
    });
    expect(deviceChange(event('battery', 'n/a'))?.battery).toBeNull();
    expect(deviceChange(event('healthStatus', 'OFFLINE'))?.healthStatus).toBe('offline');
    expect(deviceChange(event('contact', 'open'))).not.toHaveProperty('battery');
    expect(deviceChange({ ...event('battery', '5'), type: 'HubStatusChanged' })).toBeNull();
  });

  it('makes the observation a rule looks at, subject device:<id>', () => {
    const at = new Date(NOW);
    expect(
      deviceObservation({
        id: 'd1',
        label: 'Back door',
        hubId: 'h1',
        storeId: 's1',
        battery: 50,
        healthStatus: 'online',
        healthChangedAt: at,
        lastEventAt: at,
      }),
    ).toMatchObject({ subject: 'device:d1', battery: 50, healthChangedAtMs: NOW, lastEventAtMs: NOW });
  });
});
