// What a command sent to a device should lead to, and whether the device's state shows it: plain
// functions for the pending-command tracker (pending-commands.svelte.ts).
import type { DeviceTileFragment } from '$lib/graphql/generated/graphql.js';

export type Attributes = Pick<DeviceTileFragment, 'attributes'>['attributes'];

/** The attribute value a command leads to, for the commands whose outcome is known. */
export interface Expectation {
  attribute: string;
  value: string;
}

const DESCRIPTIONS: Record<string, (args: string[]) => string> = {
  on: () => 'Turn on',
  off: () => 'Turn off',
  lock: () => 'Lock',
  unlock: () => 'Unlock',
  setLevel: ([level]) => `Set level to ${level}%`,
  setHeatingSetpoint: ([value]) => `Set heating to ${value}`,
};

export function describeCommand(command: string, args: string[]): string {
  return DESCRIPTIONS[command]?.(args) ?? (args.length ? `${command} (${args.join(', ')})` : command);
}

export function expectedChange(command: string, args: string[]): Expectation | null {
  if (command === 'on' || command === 'off') return { attribute: 'switch', value: command };
  if (command === 'lock') return { attribute: 'lock', value: 'locked' };
  if (command === 'unlock') return { attribute: 'lock', value: 'unlocked' };
  if (command === 'setLevel' && args[0]) return { attribute: 'level', value: args[0] };
  if (command === 'setHeatingSetpoint' && args[0]) return { attribute: 'heatingSetpoint', value: args[0] };
  return null;
}

const sameValue = (a: string | null | undefined, b: string) =>
  a === b || (a != null && a !== '' && Number.isFinite(Number(a)) && Number(a) === Number(b));

/**
 * Whether the device's state shows the command done: the expected value reached, or, for a command
 * with no known outcome, any attribute reported since it was sent.
 */
export function isConfirmed(
  pending: { expectation: Expectation | null; sentAt: string },
  attributes: Attributes,
): boolean {
  const { expectation, sentAt } = pending;
  if (expectation) return sameValue(attributes.find((a) => a.name === expectation.attribute)?.value, expectation.value);
  return attributes.some((a) => a.updatedAt >= sentAt);
}
