/**
 * Virtual devices as a Hubitat hub's drivers describe them: capabilities, attributes (current
 * values as strings, like the Maker API reports them), and commands with their argument types.
 * A command returns the attribute changes it causes; the hub turns each change into an event.
 */
export const DEVICE_KINDS = [
  'switch',
  'dimmer',
  'rgb-bulb',
  'motion',
  'contact',
  'lock',
  'thermostat',
  'temperature-humidity',
  'power-meter',
  'button',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export type AttributeChanges = Record<string, string>;

export interface CommandDefinition {
  name: string;
  /** Argument types as `devices/<id>/commands` lists them. */
  types: string[];
  run(device: VirtualDevice, args: string[]): AttributeChanges;
}

export interface VirtualDevice {
  id: string;
  kind: DeviceKind;
  name: string;
  label: string;
  type: string;
  room: string;
  capabilities: string[];
  attributes: Record<string, string>;
  units: Record<string, string>;
  commands: CommandDefinition[];
}

/** Thrown for a command the device lacks or arguments it cannot take; the hub answers 400. */
export class CommandRejectedError extends Error {}

const command = (name: string, types: string[], run: CommandDefinition['run']): CommandDefinition => ({
  name,
  types,
  run,
});
const refresh = command('refresh', [], () => ({}));

function numberArg(args: string[], index: number, min: number, max: number): number {
  const value = Number(args[index]);
  if (args[index] === undefined || !Number.isFinite(value))
    throw new CommandRejectedError(`argument ${index + 1} must be a number`);
  return Math.min(max, Math.max(min, Math.round(value * 10) / 10));
}

function enumArg(args: string[], allowed: string[]): string {
  if (!args[0] || !allowed.includes(args[0]))
    throw new CommandRejectedError(`argument must be one of ${allowed.join(', ')}`);
  return args[0];
}

const switchCommands = [command('on', [], () => ({ switch: 'on' })), command('off', [], () => ({ switch: 'off' }))];
const setLevel = command('setLevel', ['NUMBER', 'NUMBER'], (_device, args) => {
  const level = numberArg(args, 0, 0, 100);
  return { level: String(level), switch: level > 0 ? 'on' : 'off' };
});

type Template = Omit<VirtualDevice, 'id' | 'label' | 'room'> & { label: string; room: string };

const TEMPLATES: Record<DeviceKind, () => Template> = {
  switch: () => ({
    kind: 'switch',
    name: 'Generic Z-Wave Switch',
    label: 'Porch Light',
    room: 'Outside',
    type: 'Generic Z-Wave Switch',
    capabilities: ['Switch', 'Refresh', 'Actuator'],
    attributes: { switch: 'off' },
    units: {},
    commands: [...switchCommands, refresh],
  }),
  dimmer: () => ({
    kind: 'dimmer',
    name: 'Generic Zigbee Dimmer',
    label: 'Kitchen Dimmer',
    room: 'Kitchen',
    type: 'Generic Zigbee Dimmer',
    capabilities: ['Switch', 'SwitchLevel', 'Refresh', 'Actuator'],
    attributes: { switch: 'off', level: '50' },
    units: { level: '%' },
    commands: [...switchCommands, setLevel, refresh],
  }),
  'rgb-bulb': () => ({
    kind: 'rgb-bulb',
    name: 'Generic Zigbee RGBW Light',
    label: 'Living Room Lamp',
    room: 'Living Room',
    type: 'Generic Zigbee RGBW Light',
    capabilities: ['Switch', 'SwitchLevel', 'ColorControl', 'ColorTemperature', 'ColorMode', 'Refresh', 'Actuator'],
    attributes: { switch: 'off', level: '80', hue: '0', saturation: '0', colorTemperature: '2700', colorMode: 'CT' },
    units: { level: '%', hue: '%', saturation: '%', colorTemperature: '°K' },
    commands: [
      ...switchCommands,
      setLevel,
      command('setColor', ['JSON_OBJECT'], (_device, args) => {
        let color: Record<string, unknown>;
        try {
          color = JSON.parse(args[0] ?? '') as Record<string, unknown>;
        } catch {
          throw new CommandRejectedError('setColor takes a JSON object such as {"hue":50,"saturation":100,"level":80}');
        }
        const changes: AttributeChanges = { colorMode: 'RGB', switch: 'on' };
        for (const key of ['hue', 'saturation', 'level'] as const)
          if (color[key] !== undefined) changes[key] = String(numberArg([String(color[key])], 0, 0, 100));
        return changes;
      }),
      command('setHue', ['NUMBER'], (_device, args) => ({ hue: String(numberArg(args, 0, 0, 100)), colorMode: 'RGB' })),
      command('setSaturation', ['NUMBER'], (_device, args) => ({
        saturation: String(numberArg(args, 0, 0, 100)),
        colorMode: 'RGB',
      })),
      command('setColorTemperature', ['NUMBER', 'NUMBER', 'NUMBER'], (_device, args) => ({
        colorTemperature: String(numberArg(args, 0, 2000, 6500)),
        colorMode: 'CT',
        switch: 'on',
      })),
      refresh,
    ],
  }),
  motion: () => ({
    kind: 'motion',
    name: 'Generic Zigbee Motion Sensor',
    label: 'Hallway Motion',
    room: 'Hallway',
    type: 'Generic Zigbee Motion Sensor',
    capabilities: ['MotionSensor', 'Battery', 'TemperatureMeasurement', 'Refresh', 'Sensor'],
    attributes: { motion: 'inactive', battery: '97', temperature: '21.0' },
    units: { battery: '%', temperature: '°C' },
    commands: [refresh],
  }),
  contact: () => ({
    kind: 'contact',
    name: 'Generic Zigbee Contact Sensor',
    label: 'Front Door Contact',
    room: 'Entrance',
    type: 'Generic Zigbee Contact Sensor',
    capabilities: ['ContactSensor', 'Battery', 'Refresh', 'Sensor'],
    attributes: { contact: 'closed', battery: '88' },
    units: { battery: '%' },
    commands: [refresh],
  }),
  lock: () => ({
    kind: 'lock',
    name: 'Generic Z-Wave Lock',
    label: 'Front Door Lock',
    room: 'Entrance',
    type: 'Generic Z-Wave Lock',
    capabilities: ['Lock', 'Battery', 'Refresh', 'Actuator'],
    attributes: { lock: 'locked', battery: '76' },
    units: { battery: '%' },
    commands: [
      command('lock', [], () => ({ lock: 'locked' })),
      command('unlock', [], () => ({ lock: 'unlocked' })),
      refresh,
    ],
  }),
  thermostat: () => ({
    kind: 'thermostat',
    name: 'Generic Z-Wave Thermostat',
    label: 'Office Thermostat',
    room: 'Office',
    type: 'Generic Z-Wave Thermostat',
    capabilities: ['Thermostat', 'TemperatureMeasurement', 'Refresh', 'Actuator', 'Sensor'],
    attributes: {
      temperature: '20.5',
      heatingSetpoint: '20',
      coolingSetpoint: '24',
      thermostatMode: 'heat',
      thermostatOperatingState: 'idle',
      thermostatFanMode: 'auto',
    },
    units: { temperature: '°C', heatingSetpoint: '°C', coolingSetpoint: '°C' },
    commands: [
      command('setHeatingSetpoint', ['NUMBER'], (_device, args) => ({
        heatingSetpoint: String(numberArg(args, 0, 5, 35)),
      })),
      command('setCoolingSetpoint', ['NUMBER'], (_device, args) => ({
        coolingSetpoint: String(numberArg(args, 0, 10, 35)),
      })),
      command('setThermostatMode', ['ENUM'], (_device, args) => ({
        thermostatMode: enumArg(args, ['auto', 'off', 'heat', 'emergency heat', 'cool']),
      })),
      command('setThermostatFanMode', ['ENUM'], (_device, args) => ({
        thermostatFanMode: enumArg(args, ['on', 'circulate', 'auto']),
      })),
      ...(['heat', 'cool', 'auto', 'off'] as const).map((mode) => command(mode, [], () => ({ thermostatMode: mode }))),
      refresh,
    ],
  }),
  'temperature-humidity': () => ({
    kind: 'temperature-humidity',
    name: 'Generic Zigbee Temperature/Humidity Sensor',
    label: 'Cold Room Sensor',
    room: 'Storage',
    type: 'Generic Zigbee Temperature/Humidity Sensor',
    capabilities: ['TemperatureMeasurement', 'RelativeHumidityMeasurement', 'Battery', 'Sensor'],
    attributes: { temperature: '4.0', humidity: '61', battery: '92' },
    units: { temperature: '°C', humidity: '%', battery: '%' },
    commands: [],
  }),
  'power-meter': () => ({
    kind: 'power-meter',
    name: 'Generic Zigbee Outlet',
    label: 'Espresso Machine Outlet',
    room: 'Kitchen',
    type: 'Generic Zigbee Outlet',
    capabilities: ['Switch', 'PowerMeter', 'EnergyMeter', 'Refresh', 'Actuator', 'Sensor'],
    attributes: { switch: 'on', power: '3.2', energy: '12.40' },
    units: { power: 'W', energy: 'kWh' },
    commands: [
      command('on', [], () => ({ switch: 'on' })),
      command('off', [], () => ({ switch: 'off', power: '0' })),
      refresh,
    ],
  }),
  button: () => ({
    kind: 'button',
    name: 'Generic Zigbee Button',
    label: 'Counter Button',
    room: 'Shop Floor',
    type: 'Generic Zigbee Button',
    capabilities: ['PushableButton', 'HoldableButton', 'DoubleTapableButton', 'ReleasableButton', 'Battery', 'Sensor'],
    attributes: { numberOfButtons: '4', pushed: '1', held: '1', doubleTapped: '1', released: '1', battery: '95' },
    units: { battery: '%' },
    commands: (['push', 'hold', 'doubleTap', 'release'] as const).map((name) =>
      command(name, ['NUMBER'], (_device, args) => ({
        [{ push: 'pushed', hold: 'held', doubleTap: 'doubleTapped', release: 'released' }[name]]: String(
          numberArg(args, 0, 1, 4),
        ),
      })),
    ),
  }),
};

/** Attributes whose every report is an event even when the value repeats (a button pressed twice). */
export const MOMENTARY_ATTRIBUTES: ReadonlySet<string> = new Set(['pushed', 'held', 'doubleTapped', 'released']);

export function createDevice(kind: DeviceKind, id: string): VirtualDevice {
  return { ...TEMPLATES[kind](), id };
}

/** One plausible reading for a sensor, for the simulator's background activity; null for actuators. */
export function randomReading(device: VirtualDevice, random: () => number = Math.random): AttributeChanges | null {
  const drift = (attribute: string, step: number, digits: number) =>
    (Number(device.attributes[attribute]) + (random() - 0.5) * step).toFixed(digits);
  switch (device.kind) {
    case 'motion':
      return { motion: device.attributes.motion === 'active' ? 'inactive' : 'active' };
    case 'contact':
      return { contact: device.attributes.contact === 'open' ? 'closed' : 'open' };
    case 'temperature-humidity':
      return random() < 0.5
        ? { temperature: drift('temperature', 0.6, 1) }
        : { humidity: String(Math.round(Number(drift('humidity', 4, 0)))) };
    case 'thermostat':
      return { temperature: drift('temperature', 0.4, 1) };
    case 'power-meter':
      return device.attributes.switch === 'on' ? { power: (1 + random() * 1400).toFixed(1) } : null;
    default:
      return null;
  }
}
