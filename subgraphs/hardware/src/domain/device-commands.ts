import { BadUserInputError } from '@switchyard/shared';
import type { DeviceCommandSpec } from './types.ts';

/**
 * Hubitat declares every argument of a command but not which are optional; for the standard
 * capability commands the trailing ones are (setLevel's duration, setColorTemperature's level and
 * duration…). Commands not listed here need all their declared arguments.
 */
const REQUIRED_ARGUMENTS: Record<string, number> = {
  setLevel: 1,
  setColorTemperature: 1,
  setPosition: 1,
  setVolume: 1,
  setSpeed: 1,
  startLevelChange: 1,
  setHue: 1,
  setSaturation: 1,
  setColor: 1,
};

// A value the hub can take as a URL path segment of its command endpoint.
const MAX_ARGUMENT_LENGTH = 256;

/** Checks a command against the device's own command list before anything is sent to its hub. */
export function validateCommand(
  commands: readonly DeviceCommandSpec[],
  command: string,
  args: readonly string[],
): DeviceCommandSpec {
  const spec = commands.find((c) => c.name === command);
  if (!spec)
    throw new BadUserInputError(
      'command',
      `The device has no command "${command}" (it has: ${commands.map((c) => c.name).join(', ') || 'none'})`,
    );
  const declared = spec.arguments.length;
  const required = Math.min(REQUIRED_ARGUMENTS[command] ?? declared, declared);
  if (args.length < required || args.length > declared) {
    const expected = required === declared ? `${declared}` : `${required} to ${declared}`;
    throw new BadUserInputError('args', `${command} takes ${expected} argument(s), got ${args.length}`);
  }
  args.forEach((value, index) => checkArgument(spec.arguments[index]!, value, index));
  return spec;
}

function checkArgument(type: string, value: string, index: number): void {
  const field = `args.${index}`;
  if (value.length === 0 || value.length > MAX_ARGUMENT_LENGTH)
    throw new BadUserInputError(field, `must be 1 to ${MAX_ARGUMENT_LENGTH} characters`);
  if (type.toUpperCase() === 'NUMBER' && !Number.isFinite(Number(value)))
    throw new BadUserInputError(field, 'must be a number');
  if (type.toUpperCase() === 'JSON_OBJECT' && !isJsonObject(value))
    throw new BadUserInputError(field, 'must be a JSON object');
}

function isJsonObject(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
