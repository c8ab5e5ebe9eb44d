/** Hubitat devices' low battery and offline conditions (LOW_BATTERY, DEVICE_OFFLINE), as plain functions. */
import type { DomainEvent } from '@switchyard/shared';
import type { AlertRule, Condition } from './alert-lifecycle.ts';
import type { DeviceSnapshot } from './types.ts';

/** A LOW_BATTERY rule without a threshold fires below this many percent (the default rule's too). */
export const DEFAULT_LOW_BATTERY_PERCENT = 20;

/** A device alert's subject: `device:<hardware's device id>`. */
export const deviceSubject = (id: string) => `device:${id}`;

/** What one DeviceEventReceived tells about its device; null for any other event. */
export interface DeviceChange {
  id: string;
  label: string;
  hubId: string;
  storeId: string | null;
  at: Date;
  /** Set when the event is a battery reading (null: unreadable value). */
  battery?: number | null;
  /** Set when the event is a healthStatus report. */
  healthStatus?: string | null;
}

export function deviceChange(event: DomainEvent): DeviceChange | null {
  if (event.type !== 'DeviceEventReceived') return null;
  const p = event.payload as Record<string, unknown> | null;
  if (!p || typeof p.deviceId !== 'string' || typeof p.hubId !== 'string') return null;
  const at = new Date(typeof p.receivedAt === 'string' ? p.receivedAt : event.occurredAt);
  const value = typeof p.value === 'string' ? p.value : null;
  const change: DeviceChange = {
    id: p.deviceId,
    label: typeof p.deviceLabel === 'string' ? p.deviceLabel : p.deviceId,
    hubId: p.hubId,
    storeId: typeof p.storeId === 'string' ? p.storeId : null,
    at,
  };
  if (p.name === 'battery') {
    const percent = value === null ? Number.NaN : Number.parseFloat(value);
    change.battery = Number.isFinite(percent) ? Math.round(Math.min(100, Math.max(0, percent))) : null;
  }
  if (p.name === 'healthStatus') change.healthStatus = value?.toLowerCase() ?? null;
  return change;
}

/** What a device rule looks at for one device. */
export interface DeviceObservation {
  kind: 'device';
  subject: string;
  label: string;
  storeId: string | null;
  battery: number | null;
  healthStatus: string | null;
  healthChangedAtMs: number | null;
  lastEventAtMs: number;
}

export function deviceObservation(device: DeviceSnapshot): DeviceObservation {
  return {
    kind: 'device',
    subject: deviceSubject(device.id),
    label: device.label,
    storeId: device.storeId,
    battery: device.battery,
    healthStatus: device.healthStatus,
    healthChangedAtMs: device.healthChangedAt?.getTime() ?? null,
    lastEventAtMs: device.lastEventAt.getTime(),
  };
}

const reportsOffline = (device: DeviceObservation) => device.healthStatus === 'offline';

/**
 * LOW_BATTERY: the last reading is below the threshold (as soon as it is read: a battery does not
 * come back by waiting). DEVICE_OFFLINE: the hub says offline, or nothing at all came from the
 * device, for the rule's forSeconds; with forSeconds 0 only the hub's word counts (every device is
 * quiet for some moment).
 */
export function deviceCondition(rule: AlertRule, device: DeviceObservation, nowMs: number): Condition | null {
  if (rule.kind === 'LOW_BATTERY') {
    const breaching =
      device.battery !== null && device.battery < (rule.thresholdPercent ?? DEFAULT_LOW_BATTERY_PERCENT);
    return { breaching, sustained: breaching };
  }
  if (rule.kind !== 'DEVICE_OFFLINE') return null;
  const forMs = rule.forSeconds * 1000;
  const quiet = forMs > 0 && nowMs - device.lastEventAtMs >= forMs;
  const offlineSince = device.healthChangedAtMs ?? device.lastEventAtMs;
  const breaching = reportsOffline(device) || quiet;
  return { breaching, sustained: quiet || (reportsOffline(device) && nowMs - offlineSince >= forMs) };
}

/** "Kitchen smoke sensor battery at 12 %", "Back door is offline": what the alert says for people. */
export function deviceSummary(rule: AlertRule, device: DeviceObservation, nowMs: number): string {
  if (rule.kind === 'LOW_BATTERY') return `${device.label} battery at ${device.battery ?? '?'} %`;
  if (reportsOffline(device)) return `${device.label} is offline (its hub says so)`;
  return `${device.label} has sent nothing for ${duration(nowMs - device.lastEventAtMs)}`;
}

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}
