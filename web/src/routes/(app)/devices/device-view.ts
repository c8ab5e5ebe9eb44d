// How a device is shown: which attributes matter most, which controls fit its capabilities.
import type { DeviceTileFragment } from '$lib/graphql/generated/graphql.js';

type Attribute = DeviceTileFragment['attributes'][number];

/** The attributes a tile shows first, most telling first; the rest are on the detail page. */
const PRIMARY = [
  'switch',
  'level',
  'lock',
  'motion',
  'contact',
  'temperature',
  'heatingSetpoint',
  'thermostatMode',
  'thermostatOperatingState',
  'humidity',
  'power',
  'energy',
  'battery',
];

export function attribute(device: Pick<DeviceTileFragment, 'attributes'>, name: string): Attribute | undefined {
  return device.attributes.find((a) => a.name === name);
}

export function primaryAttributes(device: Pick<DeviceTileFragment, 'attributes'>, limit = 4): Attribute[] {
  const rank = (name: string) => {
    const index = PRIMARY.indexOf(name);
    return index === -1 ? PRIMARY.length : index;
  };
  return [...device.attributes]
    .filter((a) => PRIMARY.includes(a.name))
    .sort((a, b) => rank(a.name) - rank(b.name))
    .slice(0, limit);
}

/** "heatingSetpoint" → "heating setpoint". */
export function humanize(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function formatValue(a: Pick<Attribute, 'value' | 'unit'> | undefined): string {
  if (!a || a.value == null || a.value === '') return '—';
  if (!a.unit) return a.value;
  return a.unit === '%' || a.unit.startsWith('°') ? `${a.value}${a.unit}` : `${a.value} ${a.unit}`;
}

export interface Controls {
  switch: boolean;
  level: boolean;
  lock: boolean;
  heatingSetpoint: boolean;
}

/** Controls fitting the device: a capability and the commands it needs. */
export function controlsFor(device: Pick<DeviceTileFragment, 'capabilities' | 'commands'>): Controls {
  const has = (command: string) => device.commands.some((c) => c.name === command);
  const can = (capability: string) => device.capabilities.includes(capability);
  return {
    switch: can('Switch') && has('on') && has('off'),
    level: can('SwitchLevel') && has('setLevel'),
    lock: can('Lock') && has('lock') && has('unlock'),
    heatingSetpoint: (can('Thermostat') || can('ThermostatHeatingSetpoint')) && has('setHeatingSetpoint'),
  };
}

export const hasControls = (c: Controls) => c.switch || c.level || c.lock || c.heatingSetpoint;

export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
